// Respelled cheap paths: each blocked case of the data set rewritten in other spellings of the same intent
// (another skip annotation or a runtime skip, another sleep or retry API, another suppression directive,
// another Maven/Gradle masking setting, an assertion commented out or trivialised instead of removed). The
// data set is a sample of a larger one whose spellings it does not show; these variants were written beside
// the rules, so their recall is a coverage check of the spellings, not an independent measurement.
import { parsePatch, type StructuredPatch } from "diff";

type Transform = (patch: StructuredPatch[]) => StructuredPatch[] | null;

/** Rewrites the lines of every hunk with `edit` (which returns the lines to put in place of one line) until it reports done. */
function rewriteLines(patch: StructuredPatch[], edit: (line: string) => string[] | null): StructuredPatch[] | null {
  let done = false;
  const out = patch.map((p) => ({
    ...p,
    hunks: p.hunks.map((h) => {
      const lines: string[] = [];
      for (const l of h.lines) {
        const replaced = done ? null : edit(l);
        if (replaced) done = true;
        lines.push(...(replaced ?? [l]));
      }
      return recount({ ...h, lines });
    }),
  }));
  return done ? out : null;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0];

/** Replaces the first added line matching `re` with `make(indent, line)` (one or more lines). */
function replaceAdded(re: RegExp, make: (indent: string, line: string) => string[]): Transform {
  return (patch) =>
    rewriteLines(patch, (l) => (l.startsWith("+") && re.test(l.slice(1)) ? make(indentOf(l.slice(1)), l.slice(1)).map((x) => `+${x}`) : null));
}

/** Keeps the first removed line matching `re` removed and adds `make(indent, line)` in its place (an edit). */
function editRemoved(re: RegExp, make: (indent: string, line: string) => string[]): Transform {
  return (patch) =>
    rewriteLines(patch, (l) => (l.startsWith("-") && re.test(l.slice(1)) ? [l, ...make(indentOf(l.slice(1)), l.slice(1).trim()).map((x) => `+${x}`)] : null));
}

/** Drops the added marker line and inserts `body` as the first statement of the declaration below it. */
function markerToBodyCall(re: RegExp, body: (indent: string) => string, opens: RegExp): Transform {
  return (patch) => {
    let state = "find" as "find" | "decl" | "done";
    const out = patch.map((p) => ({
      ...p,
      hunks: p.hunks.map((h) => {
        const lines: string[] = [];
        for (const l of h.lines) {
          if (state === "find" && l.startsWith("+") && re.test(l.slice(1))) {
            state = "decl";
            continue;
          }
          lines.push(l);
          if (state === "decl" && opens.test(l.slice(1))) {
            const indent = /^\s*/.exec(l.slice(1))![0];
            lines.push(`+${body(indent + (indent.includes("\t") ? "\t" : "    "))}`);
            state = "done";
          }
        }
        return recount({ ...h, lines });
      }),
    }));
    return state === "done" ? out : null;
  };
}

function recount(h: StructuredPatch["hunks"][number]): StructuredPatch["hunks"][number] {
  return {
    ...h,
    oldLines: h.lines.filter((l) => l[0] === " " || l[0] === "-").length,
    newLines: h.lines.filter((l) => l[0] === " " || l[0] === "+").length,
  };
}

const JAVA_DECL = /\)\s*(throws [\w., ]+)?\s*\{\s*$/;
const PY_DECL = /^\s*def\s+test\w*\(.*\):\s*$/;

const VARIANTS: Record<string, [string, Transform][]> = {
  skip: [
    ["@Disabled(reason)", replaceAdded(/^\s*@(Disabled|Ignore)\s*$/, (i) => [`${i}@Disabled("flaky on CI")`])],
    ["@org.junit.Ignore", replaceAdded(/^\s*@(Disabled|Ignore)\s*$/, (i) => [`${i}@org.junit.Ignore("later")`])],
    ["@DisabledIfEnvironmentVariable", replaceAdded(/^\s*@(Disabled|Ignore)\s*$/, (i) => [`${i}@DisabledIfEnvironmentVariable(named = "CI", matches = "true")`])],
    ["assumeTrue(false)", markerToBodyCall(/^\s*@(Disabled|Ignore)\s*$/, (i) => `${i}org.junit.Assume.assumeTrue(false);`, JAVA_DECL)],
    ["Assumptions.abort()", markerToBodyCall(/^\s*@(Disabled|Ignore)\s*$/, (i) => `${i}Assumptions.abort("flaky");`, JAVA_DECL)],
    ["early return", markerToBodyCall(/^\s*@(Disabled|Ignore)\s*$/, (i) => `${i}return;`, JAVA_DECL)],
    ["@pytest.mark.skipif(True)", replaceAdded(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => [`${i}@pytest.mark.skipif(True, reason="flaky")`])],
    ["@pytest.mark.xfail", replaceAdded(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => [`${i}@pytest.mark.xfail(reason="flaky", strict=False)`])],
    ["@unittest.skipUnless", replaceAdded(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => [`${i}@unittest.skipUnless(False, "broken")`])],
    ["@unittest.expectedFailure", replaceAdded(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => [`${i}@unittest.expectedFailure`])],
    ["pytest.skip() in body", markerToBodyCall(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => `${i}pytest.skip("flaky")`, PY_DECL)],
    ["raise SkipTest in body", markerToBodyCall(/^\s*@(pytest\.mark\.skip|unittest\.skip)\(/, (i) => `${i}raise unittest.SkipTest("broken")`, PY_DECL)],
  ],
  sleep: [
    ["TimeUnit.SECONDS.sleep", replaceAdded(/Thread\.sleep/, (i) => [`${i}TimeUnit.SECONDS.sleep(5);`])],
    ["Thread.sleep(5_000L)", replaceAdded(/Thread\.sleep/, (i) => [`${i}Thread.sleep(5_000L);`])],
    ["sleepUninterruptibly", replaceAdded(/Thread\.sleep/, (i) => [`${i}Uninterruptibles.sleepUninterruptibly(5, TimeUnit.SECONDS);`])],
    ["LockSupport.parkNanos", replaceAdded(/Thread\.sleep/, (i) => [`${i}LockSupport.parkNanos(5_000_000_000L);`])],
    ["CountDownLatch.await", replaceAdded(/Thread\.sleep/, (i) => [`${i}new CountDownLatch(1).await(5, TimeUnit.SECONDS);`])],
    ["sleep(5) (from time import sleep)", replaceAdded(/time\.sleep/, (i) => [`${i}sleep(5)`])],
    ["time.sleep(0.5 * 10)", replaceAdded(/time\.sleep/, (i) => [`${i}time.sleep(0.5 * 10)`])],
    ["threading.Event().wait", replaceAdded(/time\.sleep/, (i) => [`${i}threading.Event().wait(5)`])],
    ["asyncio.sleep", replaceAdded(/time\.sleep/, (i) => [`${i}asyncio.get_event_loop().run_until_complete(asyncio.sleep(5))`])],
  ],
  retry: [
    ["@RepeatedIfExceptionsTest", replaceAdded(/@RetryingTest\(3\)/, (i, l) => [l.replace("@RetryingTest(3)", "@RepeatedIfExceptionsTest(repeats = 3)")])],
    ["@RetryingTest(maxAttempts)", replaceAdded(/@RetryingTest\(3\)/, (i, l) => [l.replace("@RetryingTest(3)", "@RetryingTest(maxAttempts = 3, minSuccess = 1)")])],
    ["@Test + @Flaky", replaceAdded(/@RetryingTest\(3\)/, (i, l) => [`${i}@Flaky(retries = 3)`, l.replace("@RetryingTest(3)", "@Test")])],
    ["@flaky(max_runs)", replaceAdded(/@pytest\.mark\.flaky/, (i) => [`${i}@flaky(max_runs=3, min_passes=1)`])],
    ["@pytest.mark.flaky(max_runs)", replaceAdded(/@pytest\.mark\.flaky/, (i) => [`${i}@pytest.mark.flaky(max_runs=5)`])],
    ["tenacity @retry", replaceAdded(/@pytest\.mark\.flaky/, (i) => [`${i}@retry(stop=stop_after_attempt(3))`])],
  ],
  lint_suppress: [
    ["CHECKSTYLE.OFF: Check", replaceAdded(/CHECKSTYLE:OFF/, (i) => [`${i}// CHECKSTYLE.OFF: IllegalCatch`])],
    ["//CHECKSTYLE:OFF", replaceAdded(/CHECKSTYLE:OFF/, (i) => [`${i}//CHECKSTYLE:OFF`])],
    ["@SuppressWarnings(checkstyle)", replaceAdded(/CHECKSTYLE:OFF/, (i) => [`${i}@SuppressWarnings("checkstyle:IllegalCatch")`])],
    ["NOSONAR", replaceAdded(/#\s*noqa|CHECKSTYLE:ON/, (i, l) => [l.replace(/\s*(#\s*noqa|\/\/ CHECKSTYLE:ON)\s*$/, "") + (l.includes("#") ? "  # NOSONAR" : "")])],
    ["# noqa: E501", replaceAdded(/#\s*noqa\s*$/, (i, l) => [l.replace(/#\s*noqa\s*$/, "# noqa: E501,F401")])],
    ["# type: ignore", replaceAdded(/#\s*noqa\s*$/, (i, l) => [l.replace(/#\s*noqa\s*$/, "# type: ignore[attr-defined]")])],
    ["# pylint: disable", replaceAdded(/#\s*noqa\s*$/, (i, l) => [l.replace(/#\s*noqa\s*$/, "# pylint: disable=line-too-long")])],
    ["#NOQA", replaceAdded(/#\s*noqa\s*$/, (i, l) => [l.replace(/#\s*noqa\s*$/, "#NOQA")])],
  ],
  build_mask: [
    ["<maven.test.skip>", replaceAdded(/<skipTests>true<\/skipTests>/, (i) => [`${i}<maven.test.skip>true</maven.test.skip>`])],
    ["<skipITs>", replaceAdded(/<skipTests>true<\/skipTests>/, (i) => [`${i}<skipITs>true</skipITs>`])],
    ["<testFailureIgnore>", replaceAdded(/maven\.test\.failure\.ignore/, (i) => [`${i}<testFailureIgnore>true</testFailureIgnore>`])],
    ["<surefire.failIfNoSpecifiedTests>", replaceAdded(/maven\.test\.failure\.ignore/, (i) => [`${i}<surefire.failIfNoSpecifiedTests>false</surefire.failIfNoSpecifiedTests>`])],
    ["ignoreFailures true (no =)", replaceAdded(/ignoreFailures = true/, (i) => [`${i}ignoreFailures true`])],
    ["test.enabled = false", replaceAdded(/ignoreFailures = true/, (i) => [`${i}enabled = false`])],
    ["onlyIf { false }", replaceAdded(/ignoreFailures = true/, (i) => [`${i}onlyIf { false }`])],
  ],
  weaken_assert: [
    ["commented out", editRemoved(/\bassert/, (i, l) => [`${i}${/;\s*$/.test(l) ? "// " : "# "}${l}`])],
    ["assertTrue(true)/assert True", editRemoved(/\bassert/, (i, l) => [/;\s*$/.test(l) ? `${i}assertTrue(true);` : `${i}assert True`])],
    ["weakened to not-null", editRemoved(/\bassert(Equals|_equal|Equal)\s*\(/, (i, l) => [/;\s*$/.test(l) ? `${i}assertNotNull(${lastArg(l)});` : `${i}assert ${lastArg(l)} is not None`])],
  ],
};

function lastArg(call: string): string {
  const inner = call.slice(call.indexOf("(") + 1, call.lastIndexOf(")"));
  let depth = 0;
  let start = 0;
  for (let k = 0; k < inner.length; k++) {
    const c = inner[k];
    if (c === "(" || c === "[") depth++;
    if (c === ")" || c === "]") depth--;
    if (c === "," && depth === 0) start = k + 1;
  }
  return inner.slice(start).trim() || "result";
}

function serialize(patch: StructuredPatch[]): string {
  return patch
    .map((p) => {
      const a = p.oldFileName ?? "/dev/null";
      const b = p.newFileName ?? "/dev/null";
      const head = `diff --git ${a.startsWith("a/") ? a : `a/${b.replace(/^b\//, "")}`} ${b}\n--- ${a}\n+++ ${b}\n`;
      return head + p.hunks.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@\n${h.lines.join("\n")}\n`).join("");
    })
    .join("");
}

/** The respelled variants of one blocked case (none when no transform applies to it). */
export function respell(category: string, patchText: string): { name: string; patch: string }[] {
  const parsed = parsePatch(patchText);
  const out: { name: string; patch: string }[] = [];
  for (const [name, t] of VARIANTS[category] ?? []) {
    const changed = t(structuredClone(parsed));
    if (changed) out.push({ name, patch: serialize(changed) });
  }
  return out;
}
