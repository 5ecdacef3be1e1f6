// The build or CI hides a failure or stops running tests: settings that ignore test failures or skip the
// test phase (Maven, Gradle, tox, CI continue-on-error/allow_failure), shell that swallows an exit status,
// flags that skip, narrow or deselect tests, test paths excluded from the runner, a test command removed,
// disabled test tasks and CI steps; retries and raised timeouts in runner or CI configuration.
import type { ChangedFile, SideLine } from "../model/changed-file";
import { commandHits, runsChecks, runsTests, testTool } from "../model/commands";
import { isFalsy, isTruthy, mavenPluginOf, type Entry } from "../model/config-entries";
import type { GuardrailFinding } from "../types";
import { configChanges, ctxText, durationValue, isConfigLike, newEntries, valueTokens, VENDORED } from "./config-changes";
import { effectiveAdded, effectiveRemoved, finding, netNew, quote, type Rule } from "./rule";

// Settings whose truthy value hides failures.
const MASK_WHEN_TRUE = /^(?:maven\.)?(?:test\.)?(?:testFailureIgnore|failure\.ignore|ignoreFailures?|isIgnoreFailures|setIgnoreFailures|ignore[-_]?failures?|ignore[-_]?errors?|ignore_outcome|continue-on-error|continueOnError|continue_on_error|allow_failure|allowFailure|allow-failure|soft_fail|softFail|passWithNoTests|pass_with_no_tests|allowEmptyResults|skipFailures?)$/i;
// Settings whose falsy value hides failures.
const MASK_WHEN_FALSE = /^(?:surefire\.|failsafe\.)?(?:failIfNoTests|failIfNoSpecifiedTests|failOnError|failOnFailure|haltOnFailure|haltonfailure|haltonerror|failBuildOnError|fail_on_error|fail-on-error|errorOnFailure|failOnTestFailure|failOnNoTests|exitOnFailure|propagate|strict-markers|xfail_strict)$/i;
// Settings that skip the test phase.
const SKIP_TESTS = /^(?:skipTests|skipITs|skipExec|maven\.test\.skip(?:\.exec)?|maven\.test\.skip|skip\.?tests?|tests?\.skip|surefire\.skip|failsafe\.skip|skipUTs|skipUnitTests|skipIntegrationTests|test\.enabled|tasks\.test\.enabled|skip)$/i;
// Settings listing tests to leave out (in a test-runner context).
const EXCLUDE_KEYS = /^(?:excludes?|exclusions?|testPathIgnorePatterns|modulePathIgnorePatterns|testIgnore|excludedGroups|excludeTags|excludeTestsMatching|excludeCategories|collect_ignore(?:_glob)?|norecursedirs|ignore(?:_paths|_glob|-glob)?|exclude_patterns|skip_files|deselect|testExclude|exclude_tests?|skip)$/i;
// Settings naming the tests to run (narrowing them leaves some out).
const INCLUDE_KEYS = /^(?:testMatch|testRegex|includes?|includeTestsMatching|includeTags|groups|testpaths|python_files|python_functions|python_classes|spec|specPattern|testDir|roots|testNamePattern|grep|filter|test)$/i;
const RETRY_KEYS = /^(?:retries|retry|reruns?|rerunFailingTestsCount|retryTimes|maxRetries|max_retries|maxRetry|flakyTestRetries|retry_count|retryCount|flaky_test_attempts|flakyTestAttempts|runMode|openMode|maxFailures|max_attempts|attempts)$/i;
const TIMEOUT_KEYS = /(?:^|[._-])(?:timeout|timeouts|deadline)(?:[._-]?(?:minutes|seconds|in_?minutes|in_?seconds|ms|millis))?$|^(?:testTimeout|hookTimeout|teardownTimeout|defaultTimeout|defaultCommandTimeout|pageLoadTimeout|requestTimeout|responseTimeout|forkedProcessTimeoutInSeconds|forkedProcessExitTimeoutInSeconds|parallelTestsTimeoutInSeconds|timeoutInMinutes|no_output_timeout|max_duration|slowTestThreshold|timeout-minutes)$/i;
// Defaults of runners where a newly added timeout raises the limit.
const TIMEOUT_DEFAULTS: [RegExp, number][] = [
  [/^timeout-minutes$/, 360],
  [/^testTimeout$/, 5000],
  [/^hookTimeout$/, 10000],
  [/^defaultCommandTimeout$/, 4000],
];

const TEST_CONTEXT = /\b(surefire|failsafe|test|tests|testing|jest|vitest|mocha|karma|jasmine|playwright|cypress|pytest|tool:pytest|tool\.pytest[\w.]*|testenv[\w:-]*|unittest|spec|e2e|integrationtest|testoptions|unittests)\b/i;
const LINT_CONTEXT = /\b(checkstyle|pmd|spotbugs|findbugs|jacoco|spotless|detekt|ktlint|lint|lintoptions|eslint|tslint|sonar|errorprone|animal-sniffer|enforcer|rat|license|coverage|cov|codenarc|scalastyle|scapegoat)\b/i;

const INTERESTING = /skip|fail|ignore|allow|continue|exclude|deselect|include|match|enabled|retr|rerun|timeout|deadline|when|if|condition|only|propagate|pass|strict|attempt|halt|abort|exit|excludedTaskNames|^test$|grep|filter|groups|tags/i;

export const buildAndCi: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  for (const f of ctx.files) {
    if (!isConfigLike(f)) continue;
    out.push(...commandFindings(f));
    out.push(...settingFindings(f));
    out.push(...removedTestCommands(f));
  }
  return out;
};

function commandFindings(f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const relevant = (l: SideLine) => f.kind.ci || f.kind.build || f.kind.lang === "dockerfile" || /\b(run|script|command|commands|exec|args|addopts|argLine|opts|OPTS|test)\b/.test(l.raw);
  const hitsOf = (l: SideLine) => (relevant(l) ? commandHits(l.lex.text) : []);
  const added = effectiveAdded(f).map((line) => ({ line, hits: hitsOf(line) }));
  const removed = effectiveRemoved(f).map(({ line }) => ({ line, hits: hitsOf(line) }));
  const removedTimeouts = removed.flatMap((r) => r.hits.filter((h) => h.kind === "timeout"));
  for (const { line, hit } of netNew(added, removed)) {
    const cmd = line.lex.text;
    switch (hit.kind) {
      case "mask": {
        // In scripts, only a masked build/test/check command counts; in CI any masked step does.
        const command = commandContext(f, line);
        if (!f.kind.ci && !runsTests(command) && !runsChecks(command) && !/set\s+\+e|exit\s+0/.test(cmd)) continue;
        if (hit.what.includes("early `exit 0`") && !(f.kind.ci ? moreCommandsFollow(f, line) : testsFollow(f, line))) continue;
        out.push(finding("failure-masked", f, line, "new", `${hit.what}: \`${quote(cmd, 70)}\``));
        break;
      }
      case "exclude":
        out.push(finding("test-excluded", f, line, "new", `${hit.what}: \`${quote(cmd, 70)}\``));
        break;
      case "retry":
        out.push(finding("wait-or-retry", f, line, "new", `${hit.what}: \`${quote(cmd, 70)}\` — a flaky failure is retried instead of fixed`));
        break;
      case "timeout": {
        const old = removedTimeouts.find((h) => h.key === hit.key)?.value;
        const raised = old !== undefined ? (hit.value ?? 0) > old : hit.value !== undefined && /\b(jest|vitest|mocha|playwright|cypress|ava)\b/.test(cmd) && hit.value > 5000;
        if (raised) out.push(finding("timeout-raised", f, line, "new", `raises the test timeout${old !== undefined ? ` from ${old} to ${hit.value}` : ` to ${hit.value}`}: \`${quote(cmd, 60)}\``));
        break;
      }
      case "loosen":
        out.push(finding("config-loosened", f, line, "new", `${hit.what}: \`${quote(cmd, 70)}\``));
        break;
    }
  }
  // Make and tox ignore a recipe/command's exit status when it starts with "-".
  for (const line of effectiveAdded(f)) {
    const ignored = (f.kind.lang === "makefile" && /^\t@?-\s*\S/.test(line.raw)) || (f.kind.lang === "ini" && /^\s+-\s*\S/.test(line.raw) && /commands/.test(ctxOf(f, line)));
    if (ignored && !f.old.changed().some((r) => r.raw.trim() === line.raw.trim())) {
      out.push(finding("failure-masked", f, line, "new", `a leading "-" ignores the command's exit status: \`${quote(line.raw, 60)}\``));
    }
    if (f.kind.lang === "makefile" && /^\.IGNORE\s*:/.test(line.raw)) out.push(finding("failure-masked", f, line, "new", "`.IGNORE:` makes make ignore every error"));
  }
  return out;
}

function ctxOf(f: ChangedFile, line: SideLine): string {
  for (const l of f.new.above(line.no)) {
    const m = /^\s*([\w-]+)\s*=/.exec(l.raw);
    if (m && !/^\s/.test(l.raw)) return m[1]!;
    if (/^\[/.test(l.raw)) return "";
  }
  return "";
}

/** The command a line belongs to: the line itself and the (YAML block / continued) lines above it. */
function commandContext(f: ChangedFile, line: SideLine): string {
  const parts = [line.lex.text];
  let n = 0;
  for (const l of f.new.above(line.no)) {
    if (++n > 6) break;
    const t = l.lex.text;
    if (/\\\s*$/.test(t) || /&&\s*$/.test(t) || /\|\s*$/.test(t) || runsTests(t) || runsChecks(t)) parts.unshift(t);
    else break;
  }
  return parts.join(" ");
}

// In a script, an early exit hides something only when tests or checks would have run after it.
function testsFollow(f: ChangedFile, line: SideLine): boolean {
  for (const l of f.new.below(line.no)) {
    // The exit closes a conditional branch: only that branch ends there.
    if (/^\s*(fi|esac|;;|\}|done|else|elif)\b/.test(l.lex.text)) return false;
    if (runsTests(l.lex.text) || runsChecks(l.lex.text)) return true;
  }
  return false;
}

function moreCommandsFollow(f: ChangedFile, line: SideLine): boolean {
  for (const l of f.new.below(line.no)) {
    const t = l.lex.text.trim();
    if (t === "" || /^(fi|done|esac|}|\)|end|endif)\b/.test(t)) continue;
    return /^\s/.test(l.raw) || !/^[\w.-]+\s*:/.test(t);
  }
  return false;
}

function settingFindings(f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const changes = configChanges(f);
  for (const e of newEntries(f)) {
    if (!INTERESTING.test(e.key) && !INTERESTING.test(e.context[0] ?? "")) continue;
    const r = classifySetting(f, e, changes.before(e));
    if (r) out.push(finding(r.rule, f, e.line, "new", r.message));
  }
  // A narrowing edit: an include/test-selection entry removed without coming back.
  for (const e of changes.removed) {
    if (!e.item || !INCLUDE_KEYS.test(e.key) || !TEST_CONTEXT.test(ctxText(e) + f.path)) continue;
    if (changes.added.some((a) => a.key === e.key && a.value === e.value)) continue;
    out.push(finding("test-excluded", f, e.line, "old", `removes ${JSON.stringify(e.value)} from the tests selected by ${e.key}: those tests no longer run`));
  }
  return out;
}

function classifySetting(f: ChangedFile, e: Entry, before: Entry | null): { rule: string; message: string } | null {
  const key = e.key.replace(/^.*[.:](?=[^.:]+$)/, "");
  const full = e.key;
  const where = ctxText(e) + " " + f.path.toLowerCase();
  const plugin = f.kind.lang === "xml" ? mavenPluginOf(f.new, e.line) ?? "" : "";
  const lintish = LINT_CONTEXT.test(where + " " + plugin) && !/surefire|failsafe/.test(plugin);
  const show = `${full}${e.value !== "" ? ` = ${quote(e.value, 40)}` : ""}`;
  if (!e.item && (MASK_WHEN_TRUE.test(full) || MASK_WHEN_TRUE.test(key)) && (isTruthy(e.value) || (e.value === "" && /allow_failures/.test(full)))) {
    return lintish ? { rule: "config-loosened", message: `${show}: the check's failures no longer fail the build` } : { rule: "failure-masked", message: `${show}: failures no longer fail the build` };
  }
  if (/^allow_failures$/.test(full)) return { rule: "failure-masked", message: "adds allow_failures: jobs may fail without failing the build" };
  if (!e.item && (MASK_WHEN_FALSE.test(full) || MASK_WHEN_FALSE.test(key)) && isFalsy(e.value)) {
    return lintish ? { rule: "config-loosened", message: `${show}: the check's violations no longer fail the build` } : { rule: "failure-masked", message: `${show}: failures no longer fail the build` };
  }
  if (!e.item && (SKIP_TESTS.test(full) || SKIP_TESTS.test(key)) && (key.toLowerCase() === "enabled" ? isFalsy(e.value) : /enabled$/i.test(full) ? isFalsy(e.value) : isTruthy(e.value))) {
    // <skip> of a plugin the diff does not show is read as the test plugin's: a person can tell otherwise.
    if (full === "skip" && !plugin && f.kind.lang !== "xml" && !TEST_CONTEXT.test(where) && !lintish) return null;
    if (full === "skip" && plugin && !/surefire|failsafe|test/i.test(plugin) && !LINT_CONTEXT.test(plugin)) return null;
    if (lintish || (key === "skip" && LINT_CONTEXT.test(plugin))) return { rule: "config-loosened", message: `${show}: skips the ${plugin || "check"}` };
    return { rule: "test-excluded", message: `${show}: the tests are skipped` };
  }
  if (!e.item && /^(enabled|isEnabled)$/.test(key) && isFalsy(e.value)) {
    if (lintish) return { rule: "config-loosened", message: `${show}: disables the check` };
    if (TEST_CONTEXT.test(where) || f.kind.ci) return { rule: "test-excluded", message: `${show}: disables the test task or CI step` };
  }
  if (!e.item && f.kind.ci && /^(if|condition)$/.test(key) && isFalsy(e.value.replace(/^\$\{\{\s*|\s*\}\}$/g, ""))) return { rule: "test-excluded", message: `${show}: the CI step or job never runs` };
  if (!e.item && f.kind.ci && /^when$/.test(key) && /^(manual|never)$/.test(e.value)) return { rule: "test-excluded", message: `${show}: the CI job no longer runs on its own` };
  if (/^onlyIf$/.test(key) && /\bfalse\b/.test(e.value)) return { rule: "test-excluded", message: `${show}: the task never runs` };
  if (/excludedTaskNames|excludeTask/i.test(full + " " + e.value) && /\b(test|check)\w*\b/i.test(e.value + " " + e.line.lex.text)) return { rule: "test-excluded", message: `${quote(e.line.lex.text.trim(), 60)}: the test task is excluded from the build` };
  // A plugin the diff names decides; otherwise the block context, or a pattern that names tests.
  const testPlugin = plugin ? /surefire|failsafe|test/i.test(plugin) : TEST_CONTEXT.test(where) || /test|spec|\bIT\b|IT\.|\*\*\/\*?IT/i.test(e.value);
  if (EXCLUDE_KEYS.test(key) && e.value !== "" && testPlugin && !lintish) {
    const was = before ? valueTokens(before.value) : new Set<string>();
    const added = [...valueTokens(e.value)].filter((t) => !was.has(t) && !VENDORED.test(t));
    if (added.length > 0) return { rule: "test-excluded", message: `${show}: tests are excluded from the run` };
  }
  // A new selection filter where none was (surefire <test>, <include>, includeTestsMatching, --grep…) runs only part of the tests.
  if (!before && e.value !== "" && !lintish && !/^\{|^\[$/.test(e.value) && selectionFilter(f, key, e.value, where, plugin)) {
    return { rule: "test-excluded", message: `${show}: only the selected tests run` };
  }
  if (!e.item && INCLUDE_KEYS.test(key) && before && before.value !== e.value && TEST_CONTEXT.test(where + " " + plugin) && narrower(before.value, e.value)) {
    return { rule: "test-excluded", message: `${full} narrowed from ${quote(before.value, 40)} to ${quote(e.value, 40)}: some tests no longer run` };
  }
  if ((RETRY_KEYS.test(key) || /retry|rerun|flaky/i.test(ctxText(e))) && /^\d+$/.test(e.value) && Number(e.value) > 0 && (TEST_CONTEXT.test(where + " " + plugin) || f.kind.ci || /retry|rerun|flaky/i.test(where))) {
    if (before && /^\d+$/.test(before.value) && Number(before.value) >= Number(e.value)) return null;
    return { rule: "wait-or-retry", message: `${show}: failing tests are retried until they pass instead of fixed` };
  }
  if (/^uses$/.test(key) && /retry/i.test(e.value)) return { rule: "wait-or-retry", message: `${show}: the step is retried until it passes` };
  if (TIMEOUT_KEYS.test(full) || TIMEOUT_KEYS.test(key)) {
    const now = durationValue(e.value);
    if (now === null) return null;
    const old = before ? durationValue(before.value) : null;
    if (old !== null) return now > old ? { rule: "timeout-raised", message: `${full} raised from ${before!.value} to ${e.value}` } : null;
    const def = TIMEOUT_DEFAULTS.find(([re]) => re.test(key));
    if (def && now > def[1]) return { rule: "timeout-raised", message: `${show}: raises the timeout above the default (${def[1]})` };
  }
  return null;
}

// Settings that select a subset of an existing test run: surefire/failsafe <test> and <include>, a Gradle
// test task's include/filter, a runner's name/tag/group filter.
function selectionFilter(f: ChangedFile, key: string, value: string, where: string, plugin: string): boolean {
  const testTask = /surefire|failsafe/.test(plugin) || ((f.kind.lang === "groovy" || f.kind.lang === "kotlin") && /\btest\b|\bTest\b/.test(where));
  // In a pom.xml <configuration> whose plugin the diff does not show, <test> is surefire's/failsafe's.
  const unknownPluginConfig = f.kind.lang === "xml" && plugin === "" && /\bconfiguration\b/.test(where);
  if (key === "test") return testTask || unknownPluginConfig;
  if (/^includes?$/.test(key)) return testTask || (unknownPluginConfig && /Test|IT\b|Spec/.test(value));
  return /^(includeTestsMatching|testNamePattern|grep|filter|groups|includeTags|testFilter)$/.test(key) && (testTask || TEST_CONTEXT.test(where + " " + plugin));
}

function narrower(before: string, after: string): boolean {
  const toks = (s: string) => new Set(s.split(/[\s,;|[\]()'"{}]+/).filter((t) => t.length > 0));
  const a = toks(before);
  const b = toks(after);
  for (const t of a) if (!b.has(t)) return true;
  return false;
}

// A removed line that ran the tests, with no added line running them with the same tool.
function removedTestCommands(f: ChangedFile): GuardrailFinding[] {
  if (!f.kind.ci && !f.kind.build) return [];
  const out: GuardrailFinding[] = [];
  const addedText = effectiveAdded(f).map((l) => l.lex.text);
  for (const { line } of effectiveRemoved(f)) {
    const text = line.lex.text;
    if (!runsTests(text)) continue;
    const tool = testTool(text);
    if (addedText.some((a) => runsTests(a) && testTool(a) === tool)) continue;
    // Renaming or reordering a script elsewhere in the file keeps the command on the new side.
    if (f.new.all().some((l) => !l.changed && l.lex.text.trim() === text.trim())) continue;
    out.push(finding("test-excluded", f, line, "old", `removes the command that runs the tests (\`${quote(text, 60)}\`)`));
  }
  return out;
}
