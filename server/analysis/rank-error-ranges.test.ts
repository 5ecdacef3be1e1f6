// Root cause first: the first reported range is the error that failed the failing step, ahead of
// warnings, verdicts and counts, errors of commands that passed, and whatever followed from the cause.
import { describe, expect, it } from "vitest";
import { analyzeLogText } from "./analyze-log";

/** The text of the first reported range. */
function first(log: string[]): string {
  const r = analyzeLogText(log.join("\n"));
  const [s, e] = r.errorLines[0]!;
  return log.slice(s - 1, e).join("\n");
}

describe("root cause first", () => {
  it("puts the tool's own error ahead of a verdict printed before it", () => {
    // Vitest lists the failed file and the count before the failure's own block.
    const log = [
      " ❯ src/cart.test.ts (3 tests | 1 failed) 12ms",
      "",
      "",
      "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯",
      "",
      "",
      " FAIL  src/cart.test.ts > Cart > adds tax",
      "AssertionError: expected 105 to be 106 // Object.is equality",
      "",
      "",
      " Test Files  1 failed | 2 passed (3)",
    ];
    expect(first(log)).toContain("AssertionError: expected 105 to be 106");
  });

  it("puts an error ahead of a warning about the same thing", () => {
    const log = [
      "[WARNING] The POM for com.acme:pricing:jar:9.9.9 is missing, no dependency information available",
      "[INFO] ------------------------------------------------------------------------",
      "[INFO] BUILD FAILURE",
      "[INFO] ------------------------------------------------------------------------",
      "[INFO] Total time:  2.114 s",
      "[ERROR] Failed to execute goal on project shop: Could not resolve dependencies for project com.acme:shop:jar:1.4.0: Could not find artifact com.acme:pricing:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]",
    ];
    expect(first(log)).toContain("Could not find artifact com.acme:pricing:jar:9.9.9");
  });

  it("ignores errors of a Travis command that exited 0, and takes the first error of the one that failed", () => {
    const log = [
      "$ npm install",
      "npm ERR! code ERESOLVE",
      "npm ERR! ERESOLVE could not resolve",
      'The command "npm install" exited with 0.',
      "$ npm test",
      "FAIL src/order.test.js",
      "  ● OrderService › computes the total with tax",
      "    expect(received).toBe(expected) // Object.is equality",
      "Tests:       1 failed, 12 passed, 13 total",
      'The command "npm test" exited with 1.',
    ];
    const r = analyzeLogText(log.join("\n"));
    expect(r.failureType).toBe("TEST_FAILURE");
    expect(first(log)).toContain("● OrderService › computes the total with tax");
    expect(r.errorLines.some(([s]) => s === 2)).toBe(false);
  });

  it("takes the failing command of a GitLab job, not the after_script that ran after it", () => {
    const log = [
      "$ pytest -q",
      "FAILED tests/test_orders.py::test_total_includes_tax - assert 105 == 106",
      "========================= 1 failed, 28 passed in 0.42s =========================",
      "Running after_script",
      "$ curl -sf https://coverage.example.com/upload",
      "curl: (22) The requested URL returned error: 503",
      "ERROR: Job failed: exit code 1",
    ];
    const r = analyzeLogText(log.join("\n"));
    expect(r.failureType).toBe("TEST_FAILURE");
    expect(first(log)).toContain("FAILED tests/test_orders.py::test_total_includes_tax");
  });

  it("puts the first compiler error ahead of the errors that follow from it and of the reactor's verdict", () => {
    const log = [
      "[ERROR] COMPILATION ERROR : ",
      "[INFO] -------------------------------------------------------------",
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[12,8] cannot find symbol",
      "  symbol:   class Money",
      "[INFO] 1 error",
      "[INFO] -------------------------------------------------------------",
      "[INFO] BUILD FAILURE",
      "[INFO] Total time:  2.114 s",
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project shop: Compilation failure",
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[12,8] cannot find symbol",
    ];
    const r = analyzeLogText(log.join("\n"));
    expect(r.failureType).toBe("BUILD_COMPILE");
    expect(r.errorLines[0]![0]).toBe(1);
    expect(r.excerpt).toContain("cannot find symbol");
    expect(r.excerpt).toContain("Failed to execute goal");
  });

  it("makes the signature from the root cause, not from the build tool's verdict", () => {
    const log = (plugin: string) => [
      "[ERROR] COMPILATION ERROR : ",
      "[ERROR] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[12,8] cannot find symbol",
      "[INFO] BUILD FAILURE",
      "[INFO] Total time:  2.114 s",
      "",
      "",
      `[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:${plugin}:compile (default-compile) on project shop: Compilation failure`,
    ];
    const a = analyzeLogText(log("3.11.0").join("\n"));
    const b = analyzeLogText(log("3.13.0").join("\n"));
    expect(a.signatureText).toContain("cannot find symbol");
    expect(a.signatureText).not.toContain("Failed to execute goal");
    expect(b.signature).toBe(a.signature);
  });
});
