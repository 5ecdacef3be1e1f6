// Commands in build scripts, CI steps, npm scripts, tox/Makefile recipes: which run tests or checks, and
// the spellings that hide their failure or narrow what they run.

const TEST_RUNNERS: RegExp[] = [
  /\b(?:mvnw?|maven)(?:\.cmd)?\b[^|;&\n]*?\s(?:test|verify|install|deploy|integration-test|package|surefire:test|failsafe:integration-test)\b/,
  /\bgradlew?(?:\.bat)?\b[^|;&\n]*?\s(?::?[\w:-]*:)?(?:test|check|build|connectedCheck|\w+Test)\b/,
  /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+|run-script\s+)?(?:test|t|tests|ci|check|verify|e2e|unit|integration|test:[\w:-]+)\b/,
  /\b(?:npx\s+|pnpm\s+exec\s+|yarn\s+)?(?:jest|vitest|mocha|ava|karma|jasmine|tap|playwright\s+test|cypress\s+run|wdio|nyc|c8|tsx\s+--test|node\s+--test)\b/,
  /\b(?:pytest|py\.test|nosetests|nose2|tox|nox|trial)\b/,
  /\bpython[\d.]*\s+(?:-m\s+(?:pytest|unittest|nose|tox)|setup\.py\s+test|\S*manage\.py\s+test|\S*(?:runtests|run_tests|test)\.py)\b/,
  /\bgo\s+test\b/, /\bgotestsum\b/, /\bginkgo\b/,
  /\bcargo\s+(?:test|nextest|t)\b/,
  /\bmake\s+(?:[\w-]+\s+)*(?:test|tests|check|ci|verify|unittest|test-\w+)\b/,
  /\bctest\b/, /\bdotnet\s+test\b/, /\b(?:rspec|rake\s+(?:test|spec)|bundle\s+exec\s+(?:rspec|rake))\b/, /\b(?:phpunit|pest)\b/,
  /\bsbt\b[^|;&\n]*\btest\b/, /\bswift\s+test\b/, /\bbazel\s+test\b/, /\bflutter\s+test\b/, /\bmix\s+test\b/, /\bdeno\s+test\b/, /\bbun\s+test\b/,
];

const CHECK_RUNNERS = /\b(?:eslint|tslint|biome\s+(?:check|lint|ci)|stylelint|prettier\s+(?:--check|-c)|flake8|pylint|mypy|pyright|ruff|black\s+--check|isort\s+--check|bandit|pydocstyle|pycodestyle|checkstyle|spotbugs|pmd|golangci-lint|go\s+vet|staticcheck|cargo\s+(?:clippy|fmt)|ktlint|detekt|rubocop|shellcheck|hadolint|tsc|vue-tsc|phpstan|psalm|phpcs|swiftlint|(?:npm|pnpm|yarn)\s+(?:run\s+)?(?:lint|typecheck|type-check|format:check|check:\w+))\b/;

export function runsTests(text: string): boolean {
  return TEST_RUNNERS.some((r) => r.test(text));
}

export function runsChecks(text: string): boolean {
  return CHECK_RUNNERS.test(text);
}

/** The tool a test command uses (mvn, gradle, npm, pytest, go, cargo…), to match a command with its edit. */
export function testTool(text: string): string | null {
  for (const r of TEST_RUNNERS) {
    const m = r.exec(text);
    if (m) return m[0].trim().split(/\s+/)[0]!.replace(/^npx$|^\.\//, "").replace(/w$/, "");
  }
  return null;
}

export interface CommandHit {
  key: string;
  what: string;
  kind: "mask" | "exclude" | "retry" | "timeout" | "loosen";
  /** Number carried by the flag (retries, timeout), when any. */
  value?: number;
}

// Spellings that turn a failing command into a passing one.
const MASKS: [RegExp, string][] = [
  [/\|\|\s*(?:true|:|\/bin\/true|exit\s+0|return\s+0|echo\b|printf\b|\[\s|test\s|\(\s*exit\s+0\s*\))/, "`|| …` swallows the command's failure"],
  [/;\s*(?:exit\s+0|true)\s*(?:$|["'`])/, "`; exit 0` / `; true` ends with success whatever happened"],
  [/(?:^|[\s;&"'])set\s+\+e\b|set\s+\+o\s+errexit\b/, "`set +e` keeps going after failures"],
  [/^\s*["']?exit\s+0\s*["']?,?\s*$/, "an early `exit 0` reports success"],
  [/\|\s*tee\b/, "piping into tee hides the command's exit status (no pipefail)"],
  [/(?:^|[\s"'])!\s+(?:mvn|gradle|npm|yarn|pnpm|pytest|go|cargo|make|tox|jest|vitest)\b/, "`! command` inverts the result"],
];

// Flags: [pattern, key, kind, what].
const FLAGS: [RegExp, string, CommandHit["kind"], string][] = [
  [/(?:^|\s|["'])-D(?:skipTests|skipITs|maven\.test\.skip(?:\.exec)?|surefire\.skip|skip\.tests?|test\.skip)(?:=(?:true|\$\S*)|(?=["'\s]|$))/, "-DskipTests", "exclude", "skips the tests (-DskipTests / -Dmaven.test.skip)"],
  [/(?:^|\s|["'])-D(?:maven\.test\.failure\.ignore|testFailureIgnore)=true/, "-Dmaven.test.failure.ignore", "mask", "ignores test failures (-Dmaven.test.failure.ignore=true)"],
  [/(?:^|\s|["'])-D(?:failIfNoTests|surefire\.failIfNoSpecifiedTests|failIfNoSpecifiedTests)=false/, "-DfailIfNoTests=false", "mask", "passes when no test runs (failIfNoTests=false)"],
  [/(?:^|\s)(?:--fail-never|-fn)(?=\s|$|["'])/, "--fail-never", "mask", "Maven --fail-never never fails the build"],
  [/(?:^|\s)(?:-x|--exclude-task)\s+["']?:?[\w:-]*(?:test|check|Test|Check)\w*/, "-x test", "exclude", "excludes the test/check task (-x test)"],
  [/--passWithNoTests\b|--pass-with-no-tests\b|--no-tests=(?:pass|ignore)\b|--suppress-no-test-exit-code\b|--allow-no-tests\b|--no-fail-on-empty-test-suite\b/, "--passWithNoTests", "mask", "passes even when no test runs"],
  [/--exit-zero\b|--exit-code\s+0\b|--max-warnings\s*[= ]\s*-1\b|--no-exit-code\b|\s--force\b(?=.*\b(?:eslint|tslint|stylelint)\b)/, "--exit-zero", "mask", "the check always exits with success (--exit-zero)"],
  [/(?:^|\s)(?:--collect-only|--co|--dry-run|--list-tests|--listTests|--no-run)(?=\s|$|["'])/, "--collect-only", "exclude", "lists or builds the tests without running them"],
  [/(?:^|\s)--ignore(?:-glob)?[= ]\s*\S*(?:test|spec)\S*/i, "--ignore", "exclude", "ignores test paths (--ignore)"],
  [/(?:^|\s)--deselect[= ]\s*\S+/, "--deselect", "exclude", "deselects tests (--deselect)"],
  [/(?:^|\s)-[km]\s*[= ]?\s*["']?[^"']*\bnot\b/, "-k not", "exclude", "deselects tests by name or marker (-k/-m \"not …\")"],
  [/(?:^|\s)--testPathIgnorePatterns[= ]|--test-path-ignore-patterns[= ]|--exclude[= ]\s*\S*(?:test|spec)|--skip[= ]\s*\S+|(?:^|\s)-skip[= ]\S+|--testIgnore|--grep-invert|--invert\b/, "--exclude", "exclude", "excludes tests from the run"],
  [/(?:^|\s)(?:-run|--run)[= ]\s*["']?[\^\w]/, "-run", "exclude", "narrows the run to some tests (-run)"],
  [/(?:^|\s)--exclude[= ]\s*\S+/, "--exclude=", "exclude", "excludes paths from the test run (--exclude)"],
  [/(?:^|\s)(?:-t|--testNamePattern|--grep|-g)[= ]\s*["']?\S/, "--testNamePattern", "exclude", "narrows the run to matching test names"],
  [/(?:^|\s)(?:--onlyChanged|--lastCommit|--changedSince|--findRelatedTests|--changed)(?=[\s=]|$|["'])|\bjest\b.*\s-o(?=\s|$|["'])/, "--onlyChanged", "exclude", "runs only the tests of changed files"],
  [/(?:^|\s)-Dtest=\S+/, "-Dtest=", "exclude", "runs only the named tests (-Dtest=…)"],
  [/(?:^|\s)--reruns[= ]\s*(\d+)|(?:^|\s)--(?:retries|retry|flaky[-_]test[-_]attempts|rerun-fails(?:-max-failures)?|rerun)[= ]?\s*(\d+)?|-Dsurefire\.rerunFailingTestsCount=(\d+)|-DrerunFailingTestsCount=(\d+)/, "--reruns", "retry", "re-runs failing tests until they pass"],
  [/(?:^|\s)(?:--timeout|-timeout|--testTimeout|--test-timeout|--default-timeout|--slow)[= ]\s*["']?(\d+(?:\.\d+)?)(ms|s|m|h)?/, "--timeout", "timeout", "sets the test timeout"],
  [/(?:^|\s)-W\s*no-error\b|-Wno-error\b|(?:^|\s)-nowarn\b|-Xlint:none\b|--cap-lints[= ](?:allow|warn)|(?:^|\s)-A\s+warnings\b|--no-strict\b|--noImplicitAny\s+false\b|--no-type-check\b|--allow-untyped\w*|--ignore-missing-imports\b|--disable-error-code\b|--disable=\S+|--extend-ignore[= ]\S+|(?:^|\s)--ignore[= ][A-Z]+\d+/, "lint-off", "loosen", "turns a compiler or lint check off"],
];

/** Failure-hiding constructs and test-narrowing, retry and timeout flags on one command line. */
export function commandHits(text: string): CommandHit[] {
  const hits: CommandHit[] = [];
  for (const [re, what] of MASKS) {
    if (!re.test(text)) continue;
    // Piping into tee only hides a test or check command's status.
    if (what.includes("tee") && !runsTests(text) && !runsChecks(text)) continue;
    hits.push({ key: `mask:${what}`, what, kind: "mask" });
  }
  for (const [re, key, kind, what] of FLAGS) {
    const m = re.exec(text);
    if (!m) continue;
    if (key === "--ignore" && /\b(flake8|pycodestyle|ruff|pylint)\b/.test(text)) continue;
    if ((key === "-run" || key === "--testNamePattern" || key === "--timeout" || key === "--exclude=") && !runsTests(text)) continue;
    if ((key === "--onlyChanged" || key === "--collect-only") && !runsTests(text)) continue;
    if (key === "--reruns" && !runsTests(text) && !/reruns|rerunFailing|flaky/.test(text)) continue;
    const num = m.slice(1).find((g) => g !== undefined && /^\d/.test(g));
    let value = num === undefined ? undefined : Number(num);
    if (kind === "timeout" && value !== undefined) value = toMillis(value, m[2]);
    hits.push({ key, what, kind, value });
  }
  return hits;
}

function toMillis(n: number, unit: string | undefined): number {
  switch (unit) {
    case "ms": return n;
    case "s": return n * 1000;
    case "m": return n * 60_000;
    case "h": return n * 3_600_000;
    default: return n;
  }
}
