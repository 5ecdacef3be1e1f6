// The signature stays the same across re-runs, machines, matrix jobs, timestamps, temp paths, line
// shifts, ids, ports and durations, and differs between different failures.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeLogText } from "./analyze-log";
import { normalizeSignatureLine } from "./compute-signature";

const fixture = (f: string) => readFileSync(path.join(import.meta.dirname, "fixtures", f), "utf8");

/** The same log as another run would print it: other clock, runner OS paths, ids, ports, durations. */
function rerun(text: string): string {
  return (
    "2024-07-01T00:00:00.0000000Z ##[group]Runner Image\n2024-07-01T00:00:00.0000000Z Image: macos-14\n2024-07-01T00:00:00.0000000Z ##[endgroup]\n" +
    text
      .replace(/2024-05-14T09:(\d\d):(\d\d)\.(\d+)Z/g, (_m, mm, ss, f) => `2024-07-02T17:${ss}:${mm}.${f.split("").reverse().join("")}Z`)
      .replace(/\/home\/runner\/work\//g, "/Users/runner/work/")
      .replace(/\b(\d+(\.\d+)?)( ?)(s|ms)\b/g, (_m, n, _d, sp, u) => `${(Number(n) * 1.7).toFixed(2)}${sp}${u}`)
      .replace(/5f1c3a7e-6f0e-4f8b-9a57-3c9d2f0e1b44::k2v8s0x1z9w7/g, "0a9b8c7d-1e2f-4a5b-8c7d-6e5f4a3b2c1d::p9q8r7s6t5u4")
      .replace(/_temp\/[0-9a-f-]+\.sh/g, "_temp/0d4c1b2a-9f8e-4d7c-a6b5-c4d3e2f1a0b9.sh")
      .replace(/shop-5e0c7f4f4d2b1a6b/g, "shop-93a1b2c3d4e5f607")
  );
}

describe("failure signature", () => {
  for (const f of ["jest-failure.log", "go-build.log", "cargo-test.log", "docker-copy-missing.log", "maven-compile-ansi.log", "shell-command-not-found.log", "pytest-failure.log"]) {
    it(`is stable across a re-run elsewhere: ${f}`, () => {
      const a = analyzeLogText(fixture(f));
      const b = analyzeLogText(rerun(fixture(f)));
      expect(b.errorLines).not.toEqual(a.errorLines); // the lines did move
      expect(b.signatureText).toBe(a.signatureText);
      expect(b.signature).toBe(a.signature);
    });
  }

  it("is stable when the failing line moves in the source file", () => {
    const a = analyzeLogText(fixture("tsc-errors.log"));
    const b = analyzeLogText(fixture("tsc-errors.log").replace("orders.ts(42,7)", "orders.ts(47,11)").replace("orders.ts(58,19)", "orders.ts(63,3)"));
    expect(b.signature).toBe(a.signature);
  });

  it("is stable on a Windows runner of the same matrix", () => {
    const linux = "src/orders.test.ts > total\nFAIL /home/runner/work/shop/shop/src/orders.test.ts\n  ● OrderService › computes the total\n    expect(received).toBe(expected)\nTests:       1 failed, 3 passed, 4 total\n";
    const windows = linux.replace(/\/home\/runner\/work\/shop\/shop\/src\/orders.test.ts/, "D:\\a\\shop\\shop\\src\\orders.test.ts");
    expect(analyzeLogText(windows).signature).toBe(analyzeLogText(linux).signature);
  });

  it("does not depend on the order parallel tests report in", () => {
    const a = "--- FAIL: TestA (0.01s)\n    a_test.go:3: boom\n--- FAIL: TestB (0.02s)\n    b_test.go:9: bang\nFAIL\tgithub.com/acme/x\t0.1s\n";
    const b = "--- FAIL: TestB (0.03s)\n    b_test.go:9: bang\n--- FAIL: TestA (0.05s)\n    a_test.go:3: boom\nFAIL\tgithub.com/acme/x\t0.2s\n";
    expect(analyzeLogText(b).signature).toBe(analyzeLogText(a).signature);
  });

  it("differs between different failures", () => {
    const signatures = new Set(
      ["jest-failure.log", "vitest-failure.log", "go-build.log", "go-test.log", "cargo-build.log", "cargo-test.log", "tsc-errors.log", "npm-eresolve.log", "npm-ci-out-of-sync.log", "gradle-resolution.log", "gradle-502.log"].map(
        (f) => analyzeLogText(fixture(f)).signature,
      ),
    );
    expect(signatures.size).toBe(11);
    const jest = fixture("jest-failure.log");
    const otherTest = jest.replace(/computes the total with tax/g, "rounds the total down");
    expect(analyzeLogText(otherTest).signature).not.toBe(analyzeLogText(jest).signature);
    const eresolve = fixture("npm-eresolve.log");
    const otherPeer = eresolve.replace(/react-sortable-hoc/g, "react-beautiful-dnd");
    expect(analyzeLogText(otherPeer).signature).not.toBe(analyzeLogText(eresolve).signature);
  });

  it("is stable across re-runs of a node --test failure, whose TAP report carries fractional durations", () => {
    const tap = (d1: string, d2: string) =>
      `not ok 1 - applyDiscount takes the rate off the subtotal\n  ---\n  duration_ms: ${d1}\n  location: '/tmp/job-7/workspace/test/pricing.test.js:5:1'\n` +
      `  failureType: 'testCodeFailure'\n  error: |-\n    Expected values to be strictly equal:\n\n    2000 !== 8000\n\n  code: 'ERR_ASSERTION'\n  name: 'AssertionError'\n` +
      `  expected: 8000\n  actual: 2000\n  ...\n# tests 4\n# pass 3\n# fail 1\n# duration_ms ${d2}\n`;
    const a = analyzeLogText(tap("0.173358", "61.2871"));
    const b = analyzeLogText(tap("0.15419", "58.0113"));
    expect(a.failureType).toBe("TEST_FAILURE");
    expect(b.signatureText).toBe(a.signatureText);
    expect(normalizeSignatureLine("duration_ms: 0.173358")).toBe("duration_ms: <dur>");
    expect(normalizeSignatureLine("took 12.345678 units, version 1.2.3")).toBe("took <num> units, version 1.2.3");
  });

  it("normalizes volatile tokens and keeps versions", () => {
    expect(normalizeSignatureLine("2024-05-14T09:12:44.118Z [ERROR] /home/runner/work/a/a/src/A.java:[42,17] cannot find symbol")).toBe("<ws>/src/A.java:[N,N] cannot find symbol");
    expect(normalizeSignatureLine("dial tcp 127.0.0.1:54321: connect: connection refused (pid 4242, took 1.52s)")).toBe("dial tcp <host>: connect: connection refused (pid N, took <dur>)");
    expect(normalizeSignatureLine("run 9876543210 job 27182818 commit 3f9a2b7c1d0e")).toBe("run N job N commit <hex>");
    expect(normalizeSignatureLine("Could not find com.acme:widgets:2.4.0.")).toBe("Could not find com.acme:widgets:2.4.0.");
    expect(normalizeSignatureLine("/tmp/pytest-of-runner/pytest-3/data.json and /var/folders/x1/ab_c/T/tmp.AbC/f.txt")).toBe("<tmp>/pytest-N/data.json and <tmp>/f.txt");
  });
});
