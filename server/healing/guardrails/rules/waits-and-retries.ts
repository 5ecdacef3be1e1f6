// Waiting or retrying instead of fixing, in code: sleeps (in tests and scripts always; in source code
// when the wait is a fixed constant), retry/rerun/flaky markers and retry wrappers on tests, and timeouts
// raised in test code (an edited value grown, or a new JS test timeout above the runner's default).
import type { ChangedFile, SideLine } from "../model/changed-file";
import { declarationBelow, enclosingTest } from "../model/declarations";
import type { Lang } from "../model/file-kind";
import { isTestSource, testFileFlag } from "../model/test-index";
import type { GuardrailFinding } from "../types";
import { isAssertion, literalSkeleton } from "./assertion-vocab";
import { effectiveAdded, effectiveRemoved, finding, netNew, norm, quote, type Rule, type RuleContext } from "./rule";

interface Hit {
  key: string;
  what: string;
  kind: "sleep" | "retry" | "repeat" | "timeout";
  value?: number;
}

const SLEEP_CALL = /(?:^|[^\w$])((?:[\w$]+\s*(?:\.|::|->)\s*)*(?:sleep|Sleep|usleep|nanosleep|sleepUninterruptibly|sleep_ms|sleep_for|waitForTimeout|wait_for_timeout))\s*\(\s*([^)]*)/;
// Waiting a fixed time on something nothing will signal: a fresh latch/event/lock, parking the thread.
const IDLE_WAIT = /\bLockSupport\.park(?:Nanos|Until)\s*\(|\bnew\s+[\w.<>]+\([^()]*\)\s*\.\s*(?:await|wait|join|tryAcquire|poll|take)\s*\(\s*\d|\b(?:threading\.)?(?:Event|Condition|Semaphore|Barrier)\s*\([^()]*\)\s*\.\s*(?:wait|acquire)\s*\(\s*(?:timeout\s*=\s*)?\d|\bselect\.select\s*\(\s*\[\s*\]\s*,\s*\[\s*\]\s*,\s*\[\s*\]\s*,\s*\d/;
const TEST_ONLY_SLEEP = /(?:^|[^\w$.])(?:await\s+)?((?:[\w$]+\.)*(?:delay|Delay|pause|wait|timeout|sleepAsync))\s*\(\s*(\d[\d_.]*\s*(?:ms|s|L|f)?|[\w.]*(?:SECONDS|MILLISECONDS|seconds|millis|ms)\b[^)]*)\s*\)|\bsetTimeout\s*\(\s*(?:\w+|\(\s*\)\s*=>\s*\w+\(\s*\)|resolve)\s*,\s*\d|<-\s*time\.After\s*\(|\bcy\.wait\s*\(\s*\d|\bTask\.Delay\s*\(/;
const SHELL_SLEEP = /(?:^|[\s;&|("'`]|run:\s*)(?:sleep\s+\d|Start-Sleep\b|timeout\s+\/t\s+\d|ping\s+-n\s+\d+\s+127\.0\.0\.1)/;

const RETRY_MARKER_JVM = /@(?:[\w.]+\.)?(\w*(?:Retry|Retrying|Rerun|Flaky|Flakey|RetryOnFailure|RepeatedIfExceptions)\w*)\b/;
const REPEAT_MARKER_JVM = /@(?:[\w.]+\.)?(RepeatedTest|Repeat)\b/;
const RETRY_DECORATOR_PY = /@\s*([\w.]*(?:flaky|retry|retrying|rerun|reruns|backoff|tenacity)[\w.]*)/i;
// Test-framework retries: always a retry of the test itself.
const FRAMEWORK_RETRY = /\b(jest\.retryTimes|this\.retries|retryTimes|(?:test|it|describe)\.(?:describe\.)?configure\s*\(\s*\{[^}]*\bretries)\s*\(?|#\[\s*(?:retry|flaky\w*|serial_test::retry)\b|\bRetryRule\b|\bRetryExtension\b|\bRerunRule\b|\bFlakyRule\b|\bRetryAnalyzer\b|\bretryAnalyzer\s*=|\bRepeatRule\b|@ExtendWith\s*\(\s*\w*Retry/;
// A retry option on a test declaration: it("…", { retry: 3 }, …), test(…).retry(2), kotest config(retries = 3).
const TEST_RETRY_OPTION = /\b(?:it|test|specify|describe|context)\s*(?:\.\w+)*\s*\(.*\b(?:retry|retries|repeats)\s*:\s*\d|\)\s*\.\s*retr(?:y|ies)\s*\(\s*\d|\.config\s*\(.*\b(?:retries|invocations)\s*=\s*\d/;
// A generic retry helper wrapped around an assertion.
const RETRY_WRAPPER = /\b\w*(?:[rR]etry|[rR]etrying|[rR]erun|[rR]epeatUntil|[wW]ithRetries)\w*\s*\(/;
const TIMEOUT_LINE = /timeout|Timeout|TIMEOUT|deadline|Deadline|atMost\s*\(\s*(?:Duration|\d+\s*,\s*(?:TimeUnit\.)?\w*(?:SECONDS|MILLISECONDS|MINUTES))|setTimeout|\bslow\s*\(|Duration\.|TimeUnit\./;
const JS_TEST_TIMEOUT_ARG = /(?:\b(?:it|test|specify|beforeAll|beforeEach|afterAll|afterEach)\s*\(.*|^\s*\}\s*)\s*,\s*(\d[\d_]{2,})\s*\)\s*;?\s*$/;

function sleepHits(line: SideLine, lang: Lang, inTests: boolean, script: boolean): Hit[] {
  const code = line.lex.code;
  const hits: Hit[] = [];
  const m = SLEEP_CALL.exec(code);
  if (m) {
    const constant = /^\s*[\d_.]+\s*(?:[Ll]|ms|s)?\s*(?:[*]\s*[\d_.]+\s*)?\)?\s*[;,]?\s*$|^\s*[\d_.]+\s*,\s*(?:TimeUnit\.)?\w+/.test(m[2] ?? "") || /\.sleep\s*\(\s*[\d_]+/.test(code);
    if (inTests || script || constant) hits.push({ key: `sleep:${norm(m[1]!)}`, what: `${m[1]}(${quote(m[2] ?? "", 20)})`, kind: "sleep" });
  } else if (IDLE_WAIT.test(code) && (inTests || script || /\(\s*\d/.test(code))) {
    const w = IDLE_WAIT.exec(code)!;
    hits.push({ key: `sleep:${norm(w[0])}`, what: quote(w[0], 40), kind: "sleep" });
  } else if (inTests) {
    const t = TEST_ONLY_SLEEP.exec(code);
    if (t) hits.push({ key: `sleep:${norm(t[1] ?? t[0])}`, what: quote(t[0], 40), kind: "sleep" });
  }
  if (script && SHELL_SLEEP.test(line.lex.text)) hits.push({ key: "sleep:shell", what: quote(SHELL_SLEEP.exec(line.lex.text)![0], 30), kind: "sleep" });
  if (lang === "ruby" && inTests && /^\s*sleep\s*\(?\s*\d/.test(code)) hits.push({ key: "sleep:ruby", what: "sleep", kind: "sleep" });
  return hits;
}

function retryHits(line: SideLine, lang: Lang): Hit[] {
  const code = line.lex.code;
  const hits: Hit[] = [];
  if (lang === "python") {
    const m = RETRY_DECORATOR_PY.exec(code);
    if (m && /^\s*@/.test(code)) hits.push({ key: `retry:${m[1]}`, what: `@${m[1]}`, kind: "retry" });
  } else {
    const r = RETRY_MARKER_JVM.exec(code);
    if (r && !/^Retryable$/.test(r[1]!)) hits.push({ key: `retry:@${r[1]}`, what: `@${r[1]}`, kind: "retry" });
    const p = REPEAT_MARKER_JVM.exec(code);
    if (p) hits.push({ key: `repeat:@${p[1]}`, what: `@${p[1]}`, kind: "repeat" });
  }
  if (hits.some((h) => h.kind === "retry")) return hits;
  const c = FRAMEWORK_RETRY.exec(code) ?? TEST_RETRY_OPTION.exec(code);
  if (c) hits.push({ key: `retry:${norm(c[0])}`, what: quote(c[0], 40), kind: "retry" });
  else if (RETRY_WRAPPER.test(code) && isAssertion(code.slice(RETRY_WRAPPER.exec(code)!.index + 1), lang)) {
    hits.push({ key: `retry:${norm(RETRY_WRAPPER.exec(code)![0])}`, what: `${quote(RETRY_WRAPPER.exec(code)![0], 30)}…) around an assertion`, kind: "retry" });
  }
  return hits;
}

export const waitsAndRetries: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  for (const f of ctx.files) {
    if (f.binary) continue;
    const script = f.kind.ci || (f.kind.build && !f.kind.code) || f.kind.lang === "shell" || f.kind.lang === "makefile" || f.kind.lang === "powershell" || f.kind.lang === "dockerfile";
    if (!f.kind.code && !script) continue;
    const tests = (side: "old" | "new") => f.kind.code && ((side === "old" ? f.oldKind : f.kind).test || isTestSource(f, side));
    const hitsOf = (line: SideLine, side: "old" | "new"): Hit[] => {
      const lang = side === "old" ? f.oldKind.lang : f.kind.lang;
      const inTests = tests(side) && inTestCode(f, side, line);
      return [...sleepHits(line, lang, inTests, script), ...(inTests ? retryHits(line, lang) : [])];
    };
    const added = effectiveAdded(f).map((line) => ({ line, hits: hitsOf(line, "new") }));
    const removed = effectiveRemoved(f).map(({ line }) => ({ line, hits: hitsOf(line, "old") }));
    for (const { line, hit } of netNew(added, removed)) {
      const msg = message(ctx, f, line, hit);
      if (msg) out.push(finding("wait-or-retry", f, line, "new", msg));
    }
    if (tests("new")) out.push(...raisedTimeouts(ctx, f));
  }
  return out;
};

function inTestCode(f: ChangedFile, side: "old" | "new", line: SideLine): boolean {
  const kind = side === "old" ? f.oldKind : f.kind;
  if (kind.test) return true;
  return enclosingTest(side === "old" ? f.old : f.new, line.no, kind.lang, false) !== null || declarationBelow(side === "old" ? f.old : f.new, line.no, kind.lang, false)?.isTest === true;
}

// A wait inside a loop that re-checks a condition is polling (or back-off), not a fixed wait.
function insidePollingLoop(f: ChangedFile, line: SideLine): boolean {
  const indent = /^\s*/.exec(line.raw)![0].replace(/\t/g, "    ").length;
  let n = 0;
  for (const l of f.new.above(line.no)) {
    if (++n > 12) return false;
    const code = l.lex.code;
    if (code.trim() === "") continue;
    const ind = /^\s*/.exec(l.raw)![0].replace(/\t/g, "    ").length;
    if (ind >= indent && !/^\s*\}?\s*$/.test(code)) continue;
    if (/^\s*(?:\}\s*)?(?:while|for|do|until|loop)\b|\.(?:forEach|each|times)\s*\(/.test(code)) return true;
    if (ind < indent && /^\s*(?:(?:public|private|protected|static|async|export)\s+)*(?:def|fun|func|fn|function|void|class)\b|\)\s*(?:\{|=>|:)\s*$/.test(code)) return false;
  }
  return false;
}

function message(ctx: RuleContext, f: ChangedFile, line: SideLine, hit: Hit): string | null {
  const code = quote(line.raw.trim(), 60);
  switch (hit.kind) {
    case "sleep":
      if (insidePollingLoop(f, line)) return null;
      // A wait inside a test the fix adds is that test's design, not a wait added to make a failure pass.
      if ((f.kind.code && onNewTest(ctx, f, line)) || (f.status === "added" && f.kind.test)) return null;
      return `adds a fixed wait (${hit.what}): waiting hides a race or slowness instead of fixing it (\`${code}\`)`;
    case "retry":
      return `${hit.what} retries a failing test until it passes: a flaky failure is hidden instead of fixed`;
    case "repeat": {
      const target = declarationBelow(f.new, line.no, f.kind.lang, testFileFlag(f, "new"));
      if (target && !ctx.tests.existedBefore(f, target)) return null;
      return `${hit.what} added to ${target ? `test ${target.name}` : "an existing test"}: repeating a flaky test instead of fixing it`;
    }
    default:
      return null;
  }
}

const JS_DEFAULT_TIMEOUT = 5000;

// Timeout values in test code that grew, and JS test timeouts newly set above the default.
function raisedTimeouts(ctx: RuleContext, f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const timeoutish = (code: string) => TIMEOUT_LINE.test(code) || JS_TEST_TIMEOUT_ARG.test(code);
  const removed = effectiveRemoved(f).map((r) => r.line).filter((l) => timeoutish(l.lex.code));
  const used = new Set<SideLine>();
  for (const a of effectiveAdded(f)) {
    if (!timeoutish(a.lex.code)) continue;
    const sa = literalSkeleton(a.lex.code);
    const r = removed.find((x) => !used.has(x) && literalSkeleton(x.lex.code).skeleton === sa.skeleton);
    if (r) {
      used.add(r);
      const jsArg = JS_TEST_TIMEOUT_ARG.test(a.lex.code) && !TIMEOUT_LINE.test(a.lex.code);
      const before = jsArg ? [Number(JS_TEST_TIMEOUT_ARG.exec(r.lex.code)![1]!.replace(/_/g, ""))] : numbers(r.lex.code);
      const after = jsArg ? [Number(JS_TEST_TIMEOUT_ARG.exec(a.lex.code)![1]!.replace(/_/g, ""))] : numbers(a.lex.code);
      if (before.length === after.length && after.some((n, i) => n > before[i]!) && after.every((n, i) => n >= before[i]!) && scaleOf(a.lex.code) >= scaleOf(r.lex.code)) {
        out.push(finding("timeout-raised", f, a, "new", `raises a timeout (\`${quote(r.lex.code, 40)}\` → \`${quote(a.lex.code, 40)}\`): a slow or hanging test is given more time instead of fixed`));
      }
      continue;
    }
    const js = f.kind.lang === "javascript" || f.kind.lang === "typescript";
    const set = /\b(?:jest\.setTimeout|this\.timeout|vi\.setConfig|test\.setTimeout|testTimeout\s*:|timeout\s*:)\s*\(?\s*\{?\s*(?:testTimeout\s*:\s*)?(\d[\d_]*)/.exec(a.lex.code) ?? (js ? JS_TEST_TIMEOUT_ARG.exec(a.lex.code) : null);
    if (set && js && Number(set[1]!.replace(/_/g, "")) > JS_DEFAULT_TIMEOUT && !onNewTest(ctx, f, a)) {
      out.push(finding("timeout-raised", f, a, "new", `sets a test timeout of ${set[1]} ms, above the runner's default: a slow test is given more time instead of fixed`));
    }
  }
  return out;
}

// A timeout given to a test the fix adds is that test's budget, not a raise.
function onNewTest(ctx: RuleContext, f: ChangedFile, line: SideLine): boolean {
  const lang = f.kind.lang;
  const testFile = testFileFlag(f, "new");
  const own = enclosingTest(f.new, line.no, lang, testFile) ?? enclosingTest(f.new, line.no - 1, lang, testFile);
  return own !== null && !ctx.tests.existedBefore(f, own);
}

function numbers(code: string): number[] {
  return [...code.matchAll(/(?<![\w.])(\d[\d_]*(?:\.\d+)?)/g)].map((m) => Number(m[1]!.replace(/_/g, "")));
}

// Duration units on the line (ofSeconds vs ofMillis…), so 5 seconds → 500 ms is not read as a raise.
function scaleOf(code: string): number {
  if (/ofMinutes|MINUTES|minutes\(|\bmin\b/.test(code)) return 60_000;
  if (/ofSeconds|SECONDS|seconds\(|\bsec\b|\bs\b/.test(code)) return 1000;
  return 1;
}
