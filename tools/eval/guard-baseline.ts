// The baseline the guardrails are measured against: a keyword grep, as a reviewer's first script would
// be — added lines mentioning skip/ignore/sleep/retry/suppression/masking words, and removed lines naming
// a test or an assertion. No parsing, no sides, no context.
const ADDED_KEYWORDS =
  /skip|ignore|disabled|sleep|retry|retrying|flaky|rerun|noqa|nolint|nosonar|checkstyle|suppress|eslint-disable|ts-ignore|type:\s*ignore|pylint:\s*disable|failure\.ignore|ignoreFailures|testFailureIgnore|\|\|\s*true|continue-on-error|allow_failure|exit 0|timeout|xfail|\.only\(/i;
const REMOVED_KEYWORDS = /\bassert|@Test\b|\bdef test|\bfunc Test|#\[test\]|\bit\(|\btest\(/;

export function baselineBlocks(patch: string): boolean {
  for (const line of patch.split("\n")) {
    if (line.startsWith("+++") || line.startsWith("---")) continue;
    if (line.startsWith("+") && ADDED_KEYWORDS.test(line)) return true;
    if (line.startsWith("-") && REMOVED_KEYWORDS.test(line)) return true;
  }
  return false;
}
