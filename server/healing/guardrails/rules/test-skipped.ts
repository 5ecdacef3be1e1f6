// A test stops running: a skip/ignore/disable marker on an existing test, a focus marker (.only) that
// silences every other test, a runtime skip or an always-false assumption in a test, an early return or a
// constant-false guard around its body, a build constraint on a Go test file, or a test that is no
// longer a test (its @Test gone, renamed out of the test_ convention, commented out).
import type { ChangedFile, SideLine } from "../model/changed-file";
import { declarationBelow, enclosingTest, type Decl } from "../model/declarations";
import type { Lang } from "../model/file-kind";
import { isTestSource, testFileFlag } from "../model/test-index";
import type { GuardrailFinding } from "../types";
import { effectiveAdded, finding, netNew, norm, quote, type Rule, type RuleContext } from "./rule";

const RULE = "test-skipped";

interface Hit {
  key: string;
  what: string;
  /** Attaches to the declaration below (annotation) rather than to the enclosing test (call). */
  attaches: boolean;
  /** Applies regardless of whether the test is new (focus markers, constant-false assumptions). */
  always?: boolean;
}

// Annotation/decorator/attribute spellings of "do not run this test", per language family.
function markerHits(code: string, lang: Lang): Hit[] {
  const hits: Hit[] = [];
  const add = (key: string, what: string, always = false) => hits.push({ key, what, attaches: true, always });
  switch (lang) {
    case "python":
      for (const m of code.matchAll(/@\s*([\w.]*?(?:skip\w*|xfail|expected_?failure|expectedFailure|nottest|disabled?|pending|known_?fail\w*|broken)\w*)/gi)) add(m[1]!, `@${m[1]}`);
      break;
    case "rust":
      for (const m of code.matchAll(/#\[\s*(ignore\b[^\]]*|cfg\s*\(.*|cfg_attr\s*\(.*\bignore\b.*)\]/g)) add(`#[${norm(m[1]!).replace(/\s*=.*$/, "")}]`, `#[${norm(m[1]!)}]`);
      break;
    case "csharp":
      for (const m of code.matchAll(/\[\s*(Ignore|Explicit)\b|\b(Skip|Ignore)\s*=\s*"/g)) add(m[1] ?? `${m[2]}=`, m[1] ? `[${m[1]}]` : `${m[2]} = "…"`);
      break;
    default:
      for (const m of code.matchAll(/@(?:[\w.]+\.)?(Ignore|Ignored|Disabled\w*|Enabled(?:If|On|For|When)\w*|Skip\w*|Pending\w*|IgnoreIf|Requires|NotTest|Flaky(?=\s*\(\s*\)\s*$))\b/g)) add(`@${m[1]}`, `@${m[1]}`);
      if (/@Test\s*\([^)]*\benabled\s*=\s*false/.test(code)) add("@Test(enabled=false)", "@Test(enabled = false)");
  }
  return hits;
}

// Runtime spellings: a call or statement inside a test (or its setup) that skips it.
function callHits(code: string, lang: Lang): Hit[] {
  const hits: Hit[] = [];
  const add = (key: string, what: string, always = false) => hits.push({ key, what, attaches: false, always });
  switch (lang) {
    case "python":
      for (const m of code.matchAll(/\b(pytest\.(?:skip|xfail|importorskip)|self\.skipTest|skipTest)\s*\(/g)) add(m[1]!, `${m[1]}(…)`);
      for (const m of code.matchAll(/\braise\s+([\w.]*Skip\w*)/g)) add(`raise ${m[1]}`, `raise ${m[1]}`);
      if (/\b__test__\s*=\s*False\b/.test(code)) add("__test__=False", "__test__ = False", true);
      if (/\bpytestmark\b.*\b(skip|xfail)/.test(code)) add("pytestmark-skip", "a module-level pytestmark skip", true);
      break;
    case "go":
      for (const m of code.matchAll(/\b\w+\.(Skip|Skipf|SkipNow)\s*\(/g)) add(m[1]!, `t.${m[1]}(…)`);
      break;
    case "javascript":
    case "typescript":
      for (const m of code.matchAll(/\b(this|ctx|context|t|task)\.skip\s*\(/g)) add(`${m[1]}.skip`, `${m[1]}.skip()`);
      for (const m of code.matchAll(/\b(test|it)\.(skip|fixme|fail)\s*\(\s*(?=[^'"`\s])/g)) add(`${m[1]}.${m[2]}()`, `${m[1]}.${m[2]}(…) at run time`);
      if (/\bpending\s*\(\s*\)/.test(code)) add("pending()", "pending()");
      break;
    case "csharp":
      for (const m of code.matchAll(/\b(Assert\.(?:Inconclusive|Ignore)|Skip\.(?:If|IfNot|Unless))\s*\(/g)) add(m[1]!, `${m[1]}(…)`);
      break;
    case "php":
      for (const m of code.matchAll(/\b(markTest(?:Skipped|Incomplete))\s*\(/g)) add(m[1]!, `${m[1]}(…)`);
      break;
    case "ruby":
      for (const m of code.matchAll(/^\s*(skip|pending)\b/g)) add(m[1]!, m[1]!);
      break;
    case "swift":
      for (const m of code.matchAll(/\b(XCTSkip(?:If|Unless)?|XCTExpectFailure)\b/g)) add(m[1]!, m[1]!);
      break;
  }
  // TestNG / kotest: "enabled = false" in a test's configuration.
  if (/\benabled\s*[=:]\s*false\b/.test(code) && lang !== "python") add("enabled=false", "enabled = false");
  return hits;
}

// assume*(…) / Assume.*: always-false ones anywhere; any new one in an existing test (it may stop it running on CI).
const ASSUME = /\b(?:Assume|Assumptions)\.(\w+)\s*\(([^;]*)|\b(assume(?:True|False|That|NotNull|NoException|Exists)?|assumeThat)\s*\(([^;]*)|\bAssumptions\.abort\s*\(/;

function assumptionHit(code: string, lang: Lang): Hit | null {
  if (!["java", "kotlin", "groovy", "scala", "csharp", "python", "swift", "dart"].includes(lang)) return null;
  const m = ASSUME.exec(code);
  if (!m) return null;
  const fn = m[1] ?? m[3] ?? "abort";
  const args = (m[2] ?? m[4] ?? "").replace(/\)\s*;?\s*$/, "");
  const constant = fn === "abort" || isConstantCondition(args, fn);
  return { key: `assume:${norm(code)}`, what: `${fn}(${quote(args, 40)})${constant ? ", which never holds" : ""}`, attaches: false, always: constant };
}

function isConstantCondition(args: string, fn: string): boolean {
  // Drop a leading message argument ("…") and test what is left for anything that can vary.
  const rest = args.replace(/^\s*""\s*,/, "").trim();
  if (rest === "") return false;
  const stripped = rest.replace(/\b(true|false|TRUE|FALSE|True|False|null|None|Boolean\.(TRUE|FALSE)|is|not|equalTo|\d+(\.\d+)?)\b|[!&|=<>(),\s"']/g, "");
  if (stripped !== "") return false;
  if (/^(assumeTrue|assumeThat)$/.test(fn) || fn === "assumeTrue") return /\bfalse\b|\bFALSE\b|\bFalse\b|Boolean\.FALSE|\b0\b/.test(rest) || /!\s*true/.test(rest);
  if (fn === "assumeFalse") return /\btrue\b|\bTRUE\b|\bTrue\b|Boolean\.TRUE|\b1\b/.test(rest);
  return true;
}

// JS-style test calls with a modifier: xit/fit, it.skip/only/todo/fixme/failing/fails/skipIf/runIf.
const JS_TEST_CALL = /(?:^|[^\w.$])(x|f)?(it|test|specify|describe|context|suite|scenario|should|given)((?:\.(?:skip|only|todo|fixme|failing|fails|skipIf|runIf|concurrent|each|serial|parallel|sequential|describe)\b(?:\([^()]*\))?)*)\s*\(/g;

function jsCallHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(JS_TEST_CALL)) {
    const [, prefix, fn, mods] = m;
    if (prefix === "f" || /\.only\b/.test(mods!)) hits.push({ key: `only:${fn}`, what: `${prefix ?? ""}${fn}${mods} (focus: every other test stops running)`, attaches: true, always: true });
    else if (prefix === "x") hits.push({ key: `x${fn}`, what: `x${fn}`, attaches: true });
    else {
      const mod = /\.(skip|todo|fixme|failing|fails|skipIf|runIf)\b/.exec(mods!);
      if (mod) hits.push({ key: `${fn}.${mod[1]}`, what: `${fn}${mods}`, attaches: true });
    }
  }
  return hits;
}

export const testSkipped: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  for (const f of ctx.files) {
    if (!f.kind.code) continue;
    const lang = f.kind.lang;
    const js = lang === "javascript" || lang === "typescript" || lang === "kotlin" || lang === "scala" || lang === "groovy" || lang === "ruby";
    const testish = testFileFlag(f, "new") || isTestSource(f, "new");
    const hitsOf = (l: SideLine, side: "old" | "new"): Hit[] => {
      const fk = side === "old" ? f.oldKind : f.kind;
      if (!fk.test && !isTestSource(f, side)) return [];
      const code = l.lex.code;
      const hits = [...markerHits(code, fk.lang), ...callHits(code, fk.lang)];
      if (js && fk.test) hits.push(...jsCallHits(l.lex.text));
      const assume = fk.test || fk.lang === "java" || fk.lang === "kotlin" ? assumptionHit(code, fk.lang) : null;
      if (assume) hits.push(assume);
      if (fk.lang === "go" && fk.test && /^\s*\/\/\s*(go:build|\+build)\b/.test(l.raw)) hits.push({ key: "go:build", what: "a build constraint on a test file (it no longer builds by default)", attaches: false, always: true });
      return hits;
    };
    if (!testish) continue;
    const added = effectiveAdded(f).map((line) => ({ line, hits: hitsOf(line, "new") }));
    const removed = f.old.changed().map((line) => ({ line, hits: hitsOf(line, "old") }));
    for (const { line, hit } of netNew(added, removed)) {
      const msg = skipMessage(ctx, f, line, hit);
      if (msg) out.push(finding(RULE, f, line, "new", msg));
    }
    for (const line of effectiveAdded(f)) {
      const guard = earlyExit(f, line);
      if (guard) out.push(finding(RULE, f, line, "new", guard));
    }
  }
  for (const r of ctx.tests.removed) {
    if (r.fate !== "demoted") continue;
    const now = r.becomes;
    const why =
      now === null ? "is commented out or no longer declared"
      : now.decl.name !== r.decl.name ? `was renamed to ${now.decl.name}, which the test runner does not collect`
      : "lost the annotation or marker that makes it a test";
    out.push(finding(RULE, r.file, r.file.old.get(r.decl.line) ?? null, "old", `test ${r.decl.name} ${why}: it no longer runs`));
  }
  return out;
};

function skipMessage(ctx: RuleContext, f: ChangedFile, line: SideLine, hit: Hit): string | null {
  const testFile = testFileFlag(f, "new");
  const lang = f.kind.lang;
  if (hit.attaches) {
    const target = declarationBelow(f.new, line.no, lang, testFile);
    if (hit.always) return `${hit.what} added${target ? ` on ${target.name}` : ""}`;
    if (!target) return testFile ? `${hit.what} added to a test: it no longer runs` : null;
    if (!target.isTest && !target.isSuite) return null;
    if (target.isTest && !ctx.tests.existedBefore(f, target)) return null; // a new test added as skipped hides nothing
    return `${hit.what} added to ${describe(target)}: it no longer runs; fix the cause instead of skipping it`;
  }
  const test = enclosingTest(f.new, line.no, lang, testFile);
  if (hit.always) return `${hit.what}${test ? ` in ${test.name}` : ""}: the test stops running`;
  if (test && !ctx.tests.existedBefore(f, test)) return null;
  return `${hit.what} added${test ? ` in ${describe(test)}` : ""}: the test is skipped instead of fixed`;
}

function describe(d: Decl): string {
  return d.isSuite ? `suite ${d.name} (all its tests)` : `test ${d.name}`;
}

// An unconditional return as the first statement of an existing test, or a constant-false guard.
function earlyExit(f: ChangedFile, line: SideLine): string | null {
  const code = line.lex.code.trim();
  const lang = f.kind.lang;
  const testFile = testFileFlag(f, "new");
  const constantFalse = /^(if\s*\(\s*(false|0|!\s*true)\s*\)|if\s+(False|0|not\s+True)\s*:)/.test(code) || /^if\s*\(?\s*(true|True|1)\s*\)?\s*:?\s*(\{\s*)?return\b/.test(code);
  const bareReturn = /^return\s*(;|None|nil|null|Ok\(\(\)\))?\s*;?$/.test(code);
  if (!constantFalse && !bareReturn) return null;
  const test = enclosingTest(f.new, line.no, lang, testFile);
  if (!test) return null;
  if (constantFalse) return `a constant condition (${quote(code, 40)}) in test ${test.name}: the code under it never runs`;
  // First statement: only the declaration, braces, blank lines, comments and a docstring above it.
  for (const above of f.new.above(line.no)) {
    if (above.no === test.line) return `test ${test.name} now returns before doing anything: it no longer checks what it tested`;
    const c = above.lex.code.trim();
    if (c === "" || c === "{" || /^("""|''')/.test(above.raw.trim()) || /^[)\]]/.test(c)) continue;
    return null;
  }
  return null;
}
