import { describe, expect, it } from "vitest";
import { findErrorPaths } from "./find-error-paths";

const tree = [
  "package.json",
  "src/pricing.js",
  "src/index.ts",
  "lib/src/pricing.js",
  "test/pricing.test.js",
  "app/main.py",
  "app/util/helpers.py",
  "core/src/main/java/com/acme/billing/Invoice.java",
  "core/src/main/kotlin/com/acme/Report.kt",
  "cmd/server/main.go",
  "internal/store/store.go",
  "crates/engine/src/lib.rs",
  "a/index.js",
  "b/index.js",
];

describe("findErrorPaths", () => {
  it.each([
    ["a Node stack trace with the runner's absolute path", "    at Object.<anonymous> (/home/runner/work/shop/shop/src/pricing.js:12:7)", [{ path: "src/pricing.js", lines: [12] }]],
    ["node --test's location line", "  location: '/tmp/x/work/12/workspace/test/pricing.test.js:6:1'", [{ path: "test/pricing.test.js", lines: [6] }]],
    ["a TypeScript diagnostic", "src/index.ts(14,3): error TS2322: Type 'string' is not assignable to type 'number'.", [{ path: "src/index.ts", lines: [14] }]],
    ["a Python traceback", 'Traceback (most recent call last):\n  File "/home/runner/work/r/r/app/main.py", line 8, in <module>\n  File "/home/runner/work/r/r/app/util/helpers.py", line 31, in parse', [{ path: "app/main.py", lines: [8] }, { path: "app/util/helpers.py", lines: [31] }]],
    ["a Java stack frame (package path, not a file path)", "\tat com.acme.billing.Invoice.total(Invoice.java:42)", [{ path: "core/src/main/java/com/acme/billing/Invoice.java", lines: [42] }]],
    ["a Maven compiler error", "[ERROR] /home/runner/work/r/r/core/src/main/java/com/acme/billing/Invoice.java:[17,9] cannot find symbol", [{ path: "core/src/main/java/com/acme/billing/Invoice.java", lines: [17] }]],
    ["a Kotlin compiler error with a file URL", "e: file:///home/runner/work/r/r/core/src/main/kotlin/com/acme/Report.kt:3:8 Unresolved reference: Money", [{ path: "core/src/main/kotlin/com/acme/Report.kt", lines: [3] }]],
    ["go build output", "# example.com/server\n./cmd/server/main.go:21:2: undefined: handler\ninternal/store/store.go:9:5: x declared and not used", [{ path: "cmd/server/main.go", lines: [21] }, { path: "internal/store/store.go", lines: [9] }]],
    ["rustc output", "error[E0425]: cannot find value `x` in this scope\n  --> crates/engine/src/lib.rs:4:5", [{ path: "crates/engine/src/lib.rs", lines: [4] }]],
    ["ESLint's stylish report (file line, then its problems)", "2026-12-02T05:39:07.7940000Z /tmp/w/src/pricing.js\n2026-12-02T05:39:07.7940000Z   5:1  error  Unexpected var  no-var\n  9:3  error  Missing semicolon  semi", [{ path: "src/pricing.js", lines: [5, 9] }]],
  ])("resolves %s to the repository file and its line", (_what, text, expected) => {
    expect(findErrorPaths(text, tree)).toEqual(expected);
  });

  it("prefers the exact path over a longer one that ends with it, and drops an ambiguous bare name", () => {
    expect(findErrorPaths("see src/pricing.js:3 and index.js:4", tree)).toEqual([{ path: "src/pricing.js", lines: [3] }]);
  });

  it("ignores URLs, node internals and paths that are not in the repository", () => {
    const text = "at Module._compile (node:internal/modules/cjs/loader:1521:14)\nsee https://example.com/src/pricing.js\n/usr/lib/node_modules/npm/index.js:1";
    expect(findErrorPaths(text, tree)).toEqual([]);
  });

  it("merges repeated mentions of one file, keeping each line once, in order", () => {
    expect(findErrorPaths("src/pricing.js:9\nsrc/pricing.js:3\nsrc/pricing.js:9", tree)).toEqual([{ path: "src/pricing.js", lines: [9, 3] }]);
  });
});
