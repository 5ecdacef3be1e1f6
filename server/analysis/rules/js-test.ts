// JavaScript test runners: Jest, Vitest, node --test (TAP and spec reporters), Mocha, Playwright; and
// the assertion messages of the usual assertion libraries (shared by other ecosystems' runners).
import { rule } from "./rule";

const TEST_FILE = String.raw`(?:\S*\/)?[\w.@-]+\.[cm]?[jt]sx?`;

export const jsTestRules = [
  rule({
    id: "jest.suite-failed-to-run",
    keywords: ["test suite failed to run"],
    pattern: /● Test suite failed to run/,
    type: "TEST_FAILURE",
    weight: 3,
    summary: true,
    examples: ["  ● Test suite failed to run"],
  }),
  rule({
    id: "jest.test-title",
    keywords: ["●"],
    pattern: /^\s*● \S.*/,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["  ● OrderService › computes the total with tax"],
  }),
  rule({
    id: "js-test.summary",
    keywords: ["failed", "failing", "fail "],
    pattern: /^(Tests|Test Suites):\s+(\d+) failed|^\s*(Test Files|Tests)\s+(\d+) failed|^\s*(\d+) failing$|^[#ℹ] fail (\d+)$|^\s+[1-9]\d* failed$| [1-9]\d* of \d+ failed \(\d+%\)/,
    accept: (m) => Number(m[2] ?? m[4] ?? m[5] ?? m[6] ?? "1") > 0,
    type: "TEST_FAILURE",
    weight: 8,
    summary: true,
    examples: ["Tests:       1 failed, 12 passed, 13 total", "Test Suites: 1 failed, 3 passed, 4 total", " Test Files  1 failed | 3 passed (4)", "      Tests  2 failed | 40 passed (42)", "  2 failing", "# fail 1", "ℹ fail 2", "  1 failed"],
  }),
  rule({
    id: "js-test.failed-test",
    keywords: ["fail"],
    pattern: /^\s*FAIL\s{1,2}\S+ > \S/,
    type: "TEST_FAILURE",
    weight: 6,
    examples: [" FAIL  src/order.test.ts > OrderService > computes the total"],
  }),
  rule({
    id: "js-test.failed-file",
    keywords: ["fail", "⎯", "❯", "^not ok", "✖"],
    // A whole test file failed: its tests failed, or it could not even be loaded.
    pattern: new RegExp(String.raw`^\s*FAIL\s{1,2}\S+|⎯+ Failed (Tests?|Suites?) \d+ ⎯+|^✖ failing tests:|^\s*❯ \S+ \(\d+ tests? \| [1-9]\d* failed|^not ok \d+ - ${TEST_FILE}$|^\s*✖ ${TEST_FILE} \(\d+(\.\d+)?m?s\)$`),
    type: "TEST_FAILURE",
    weight: 5,
    summary: true,
    examples: [
      "FAIL src/order.test.ts",
      " FAIL  test/inventory.test.js [ test/inventory.test.js ]",
      "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯",
      "✖ failing tests:",
      " ❯ src/order.test.ts (3 tests | 1 failed) 12ms",
      "not ok 2 - /home/runner/work/shop/shop/test/notify.test.js",
      "✖ test/inventory.test.js (81.2ms)",
    ],
  }),
  rule({
    id: "js-test.failed-case",
    keywords: ["^not ok", "×", "✗", "✕", "✖", "] › "],
    pattern: /^not ok \d+ - |^\s*[×✗✕]\s+\S|^\s*✖ .+\(\d+(\.\d+)?m?s\)$|^\s+\d+\) \[\w+\] › /,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["not ok 1 - computes the total", "   × computes the total with tax 3ms", "  ✕ computes the total with tax (5 ms)", "✖ computes the total (1.204ms)", "  1) [chromium] › checkout.spec.ts:12:5 › pays by card ─────────"],
  }),
  rule({
    id: "test.assertion",
    keywords: ["assertionerror", "assertionfailederror", "comparisonfailure", "expect(received)", "assertionfailure", "assert_eq!", "assertion `left == right` failed", "assertion failed", "err_assertion"],
    pattern: /AssertionError|AssertionFailedError|ComparisonFailure|expect\(received\)|AssertionFailure|assert_eq!|assertion `left == right` failed|assertion failed|'ERR_ASSERTION'/,
    type: "TEST_FAILURE",
    weight: 5,
    examples: [
      "AssertionError: expected 5 to be 6 // Object.is equality",
      "    expect(received).toBe(expected) // Object.is equality",
      "org.opentest4j.AssertionFailedError: expected: <42> but was: <41>",
      "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
      "  code: 'ERR_ASSERTION'",
    ],
  }),
];
