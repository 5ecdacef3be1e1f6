// A test stops checking: an assertion removed or commented out (and not moved elsewhere in the fix),
// replaced by a weaker one (equality → not-null, a specific exception → any), made approximate with a
// wide tolerance or a looser one, trivialised (assertTrue(true), assertEquals(x, x)), wrapped in a catch
// that swallows the failure; or the values a test checks changed while the code it tests did not.
import type { ChangedFile, SideLine } from "../model/changed-file";
import { declarationBelow, enclosingTest } from "../model/declarations";
import type { Lang } from "../model/file-kind";
import { identifiers } from "../model/subject-index";
import { isTestSource, testFileFlag } from "../model/test-index";
import type { GuardrailFinding } from "../types";
import {
  assertionName,
  catchesAssertions,
  exceptionBreadth,
  isApproximate,
  isAssertion,
  isWideTolerance,
  literalSkeleton,
  looseningFactor,
  strength,
  toleranceOf,
} from "./assertion-vocab";
import { effectiveAdded, effectiveRemoved, finding, netNew, norm, quote, type Rule, type RuleContext } from "./rule";

interface Assertion {
  file: ChangedFile;
  line: SideLine;
  hunk: number;
  commentedOut: boolean;
}

function testCode(f: ChangedFile, side: "old" | "new"): boolean {
  const kind = side === "old" ? f.oldKind : f.kind;
  return kind.code && (kind.test || isTestSource(f, side));
}

function inTest(f: ChangedFile, side: "old" | "new", line: SideLine): boolean {
  const kind = side === "old" ? f.oldKind : f.kind;
  if (kind.test) return true;
  // Test code inside a source file (Rust #[cfg(test)] modules, JUnit tests beside the code): only inside a test.
  return enclosingTest(side === "old" ? f.old : f.new, line.no, kind.lang, false) !== null;
}

function hunkOf(f: ChangedFile, side: "old" | "new"): Map<number, number> {
  const m = new Map<number, number>();
  for (const l of f.lines) {
    const no = side === "old" ? l.oldNo : l.newNo;
    if (no !== null) m.set(no, l.hunk);
  }
  return m;
}

export const assertions: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  const removedAll: Assertion[] = [];
  const addedAll: Assertion[] = [];
  const gone = new Set(ctx.tests.removed.filter((r) => r.fate === "deleted" || r.fate === "demoted").map((r) => `${r.file.path}\u0000${r.decl.line}`));
  for (const f of ctx.files) {
    if (testCode(f, "old")) {
      const hunks = hunkOf(f, "old");
      const lang = f.oldKind.lang;
      for (const { line, commentedOut } of effectiveRemoved(f)) {
        if (!isAssertion(line.lex.code, lang) || !inTest(f, "old", line)) continue;
        const owner = enclosingTest(f.old, line.no, lang, testFileFlag(f, "old"));
        if (owner && gone.has(`${f.path}\u0000${owner.line}`)) continue; // reported as a deleted/demoted test
        removedAll.push({ file: f, line, hunk: hunks.get(line.no) ?? -1, commentedOut });
      }
    }
    if (testCode(f, "new")) {
      const hunks = hunkOf(f, "new");
      for (const line of effectiveAdded(f)) {
        if (isAssertion(line.lex.code, f.kind.lang) && inTest(f, "new", line)) addedAll.push({ file: f, line, hunk: hunks.get(line.no) ?? -1, commentedOut: false });
      }
    }
  }
  // An assertion that reappears verbatim anywhere in the fix was moved, not removed.
  const pool = new Map<string, Assertion[]>();
  for (const a of addedAll) pool.set(norm(a.line.lex.code), [...(pool.get(norm(a.line.lex.code)) ?? []), a]);
  const moved = new Set<Assertion>();
  const removed = removedAll.filter((r) => {
    const same = pool.get(norm(r.line.lex.code));
    if (same && same.length > 0) {
      moved.add(same.shift()!);
      return false;
    }
    return true;
  });
  const added = addedAll.filter((a) => !moved.has(a));
  const usedAdded = new Set<Assertion>();
  for (const r of removed) {
    const partner = pairFor(r, added, usedAdded);
    if (partner) {
      usedAdded.add(partner);
      const f = compareEdited(ctx, r, partner);
      if (f) out.push(f);
    } else if (!refersToRemovedSource(ctx, r)) {
      const test = enclosingTest(r.file.old, r.line.no, r.file.oldKind.lang, testFileFlag(r.file, "old"));
      const verb = r.commentedOut ? "comments out" : "removes";
      out.push(finding("assertion-removed", r.file, r.line, "old", `${verb} the assertion \`${quote(r.line.lex.text.trim())}\`${test ? ` from test ${test.name}` : ""}: the test no longer checks it`));
    }
  }
  for (const a of added) {
    if (usedAdded.has(a)) continue;
    if (strength(a.line.lex.code, a.line.lex.text, a.file.kind.lang) === "trivial") {
      out.push(finding("assertion-weakened", a.file, a.line, "new", `\`${quote(a.line.lex.text.trim())}\` always passes: it checks nothing`));
    }
  }
  for (const f of ctx.files) {
    if (testCode(f, "new")) {
      out.push(...swallowedFailures(f));
      out.push(...expectedExceptionMarkers(ctx, f));
      out.push(...changedTestValues(ctx, f));
    } else if (f.kind.test && !f.kind.code && !f.kind.doc && f.status !== "added") {
      const data = changedExpectations(ctx, f);
      if (data) out.push(data);
    }
  }
  return out;
};

function pairFor(r: Assertion, added: Assertion[], used: Set<Assertion>): Assertion | null {
  const candidates = added.filter((a) => !used.has(a) && a.file.path === r.file.path && a.hunk === r.hunk);
  if (candidates.length === 0) return null;
  const ids = new Set(identifiers(r.line.lex.code));
  let best: Assertion | null = null;
  let bestScore = -1;
  for (const a of candidates) {
    const other = identifiers(a.line.lex.code);
    const inter = other.filter((x) => ids.has(x)).length;
    const score = inter / Math.max(1, new Set([...ids, ...other]).size) + (assertionName(a.line.lex.code) === assertionName(r.line.lex.code) ? 0.5 : 0);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

function refersToRemovedSource(ctx: RuleContext, r: Assertion): boolean {
  return identifiers(r.line.lex.code).some((id) => ctx.subject.removedNames.has(id));
}

function compareEdited(ctx: RuleContext, r: Assertion, a: Assertion): GuardrailFinding | null {
  const lang = a.file.kind.lang;
  const before = r.line.lex;
  const after = a.line.lex;
  const was = quote(before.text.trim(), 60);
  const now = quote(after.text.trim(), 60);
  const sAfter = strength(after.code, after.text, lang);
  if (sAfter === "trivial") return finding("assertion-weakened", a.file, a.line, "new", `replaces \`${was}\` with \`${now}\`, which always passes`);
  const sBefore = strength(before.code, before.text, r.file.oldKind.lang);
  if (sBefore === "exact" && sAfter === "weak") return finding("assertion-weakened", a.file, a.line, "new", `weakens \`${was}\` to \`${now}\`: it no longer checks the value`);
  const exBefore = exceptionBreadth(before.code);
  const exAfter = exceptionBreadth(after.code);
  if (exBefore === "specific" && exAfter === "broad") return finding("assertion-weakened", a.file, a.line, "new", `broadens the expected exception: \`${was}\` → \`${now}\` accepts any failure`);
  const tolBefore = toleranceOf(before.text);
  const tolAfter = toleranceOf(after.text);
  if (tolAfter) {
    const related = ctx.subject.relates(a.file, [a.line]);
    if (tolBefore) {
      const factor = looseningFactor(tolBefore, tolAfter);
      if (factor > 1 && (!related || factor >= 10)) return finding("assertion-weakened", a.file, a.line, "new", `loosens the tolerance of \`${now}\` (${factor === Infinity ? "from exact" : `${formatFactor(factor)}× wider`})`);
      if (factor !== 1) return null; // a tighter (or, with the code, slightly wider) tolerance is not an expected value change
    } else if (!isApproximate(before.code) && isApproximate(after.code)) {
      const expected = literalSkeleton(after.text).literals.map(Number).find((n) => Number.isFinite(n) && n !== tolAfter.value) ?? null;
      if (isWideTolerance(tolAfter, expected)) return finding("assertion-weakened", a.file, a.line, "new", `turns the exact check \`${was}\` into an approximate one with a wide tolerance (${tolAfter.value})`);
    }
  }
  const sk1 = literalSkeleton(before.text);
  const sk2 = literalSkeleton(after.text);
  if (sk1.skeleton === sk2.skeleton && sk1.literals.join("\u0000") !== sk2.literals.join("\u0000") && !ctx.subject.relates(a.file, [a.line, r.line])) {
    const tighter = boundTightened(after.code, sk1.literals, sk2.literals);
    if (tighter === true) return null;
    if (tighter === false) return finding("assertion-weakened", a.file, a.line, "new", `relaxes the bound of \`${was}\` to \`${now}\``);
    return finding("expected-value-loosened", a.file, a.line, "new", `changes the expected value (\`${was}\` → \`${now}\`) while the code under test did not change: the test is made to match the failure`);
  }
  return null;
}

// For a bound check (greater/less than a number) whose one number changed: true when the new bound is
// stricter, false when looser, null when it is not a bound check.
function boundTightened(code: string, before: string[], after: string[]): boolean | null {
  const diff = before.map((b, i) => [b, after[i]] as const).filter(([b, x]) => b !== x);
  if (diff.length !== 1) return null;
  const [b, x] = diff[0]!.map(Number) as [number, number];
  if (!Number.isFinite(b) || !Number.isFinite(x)) return null;
  const lower = /toBeGreaterThan|isGreaterThan|assertGreater|greaterThan|isAtLeast|toBeGreaterThanOrEqual|\bGreater(?:OrEqual)?\b|>=?\s*[-+\d.]+\s*\)?\s*[;,]?\s*$/.test(code);
  const upper = /toBeLessThan|isLessThan|assertLess|lessThan|isAtMost|toBeLessThanOrEqual|\bLess(?:OrEqual)?\b|<=?\s*[-+\d.]+\s*\)?\s*[;,]?\s*$/.test(code);
  if (lower === upper) return null;
  return lower ? x > b : x < b;
}

function formatFactor(f: number): string {
  return f >= 100 ? f.toExponential(0) : String(Math.round(f * 10) / 10);
}

// Values (not assertions) a test uses or expects, edited while the tested code did not change.
function changedTestValues(ctx: RuleContext, f: ChangedFile): GuardrailFinding[] {
  if (f.status === "added" || ctx.subject.relates(f, [])) return [];
  const out: GuardrailFinding[] = [];
  const lang = f.kind.lang;
  const byHunk = new Map<number, { del: SideLine[]; add: SideLine[] }>();
  for (const l of f.lines) {
    if (l.kind === "ctx") continue;
    const entry = byHunk.get(l.hunk) ?? { del: [], add: [] };
    if (l.kind === "del") entry.del.push(f.old.get(l.oldNo!)!);
    else entry.add.push(f.new.get(l.newNo!)!);
    byHunk.set(l.hunk, entry);
  }
  for (const { del, add } of byHunk.values()) {
    const pending = [...add];
    for (const d of del) {
      if (isAssertion(d.lex.code, f.oldKind.lang) || d.lex.code.trim() === "") continue;
      const sk = literalSkeleton(d.lex.text);
      const idx = pending.findIndex((a) => literalSkeleton(a.lex.text).skeleton === sk.skeleton);
      if (idx < 0) continue;
      const a = pending.splice(idx, 1)[0]!;
      if (literalSkeleton(a.lex.text).literals.join("\u0000") === sk.literals.join("\u0000")) continue;
      if (!valueLine(f, a, lang) || ctx.subject.relates(f, [a, d])) continue;
      out.push(finding("expected-value-loosened", f, a, "new", `changes a value the test checks or uses (\`${quote(d.lex.text.trim(), 50)}\` → \`${quote(a.lex.text.trim(), 50)}\`) while the code under test did not change`));
    }
  }
  return out;
}

function valueLine(f: ChangedFile, line: SideLine, lang: Lang): boolean {
  const code = line.lex.text;
  if (/^\s*(["'`]+)\s*[,;]?\s*$/.test(line.lex.code)) return false; // a docstring or a string-only line
  if (/@DisplayName|\b(description|message|msg|reason|name)\s*[=:]|\b(print|println|log|logger|console)\b/i.test(code)) return false;
  // A test's own title is its name, not a value it checks.
  const decl = declarationBelow(f.new, line.no, lang, testFileFlag(f, "new"), 0);
  if (decl && decl.line === line.no) return false;
  const test = enclosingTest(f.new, line.no, lang, testFileFlag(f, "new"));
  if (test) return true;
  return /\b(expected|expect|want|wanted|desired|golden|reference|correct|truth|answer|result)\w*\s*[:=]/i.test(code) || /^\s*@\w*(parametrize|ValueSource|CsvSource|MethodSource|TestCase|InlineData|DataRow)/i.test(code);
}

// Expected outputs kept as test data (snapshots, golden files, data-driven cases) loosened without a source
// change: expected lines dropped, or wildcards put where values were. Values rewritten one for one are an
// update of the expectation (often to a behaviour the failing commit changed on purpose), not a loosening.
const WILDCARD = /\.\.\.|\.\*|<ANY>|\bANY\b|\bELLIPSIS\b|\{\{\s*\w*\s*\}\}|\[\*\]|<any>|\bany\(\)/;

function changedExpectations(ctx: RuleContext, f: ChangedFile): GuardrailFinding | null {
  if (ctx.subject.sourceChanged) return null;
  const removed = f.old.changed().filter((l) => l.raw.trim() !== "");
  const added = f.new.changed().filter((l) => l.raw.trim() !== "");
  if (removed.length === 0) return null;
  if (removed.length > added.length) {
    return finding("expected-value-loosened", f, removed[0]!, "old", `drops ${removed.length - added.length} expected line(s) from test data while no source code changed: the test expects less than before`);
  }
  const wild = added.find((l) => WILDCARD.test(l.raw) && !removed.some((r) => WILDCARD.test(r.raw)));
  if (wild) return finding("expected-value-loosened", f, wild, "new", `replaces expected test output with a wildcard (\`${quote(wild.raw.trim(), 50)}\`) while no source code changed`);
  return null;
}

// catch/except around assertions that swallows their failure.
function swallowedFailures(f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const lang = f.kind.lang;
  const added = effectiveAdded(f).map((line) => ({ line, hits: catchesAssertions(line.lex.code, lang) ? [{ key: norm(line.lex.code) }] : [] }));
  const removed = f.old.changed().map((line) => ({ line, hits: catchesAssertions(line.lex.code, f.oldKind.lang) ? [{ key: norm(line.lex.code) }] : [] }));
  for (const { line } of netNew(added, removed)) {
    if (!inTest(f, "new", line)) continue;
    const kind = catchesAssertions(line.lex.code, lang)!;
    if (handlerRethrows(f, line)) continue;
    if (kind === "catch-all" && !tryBlockAsserts(f, line)) continue;
    out.push(finding("assertion-weakened", f, line, "new", `\`${quote(line.lex.text.trim(), 60)}\` catches the assertion's failure and ignores it: the test can no longer fail`));
  }
  return out;
}

function handlerRethrows(f: ChangedFile, line: SideLine): boolean {
  const handler = [line, ...take(f.new.below(line.no), 4)].map((l) => l.lex.code).join("\n");
  const after = handler.slice(handler.search(/\bcatch\b|\bexcept\b|\brescue\b|\brecover\b|catch_unwind|runCatching/));
  return /\b(throw|raise|rethrow|fail|Fail|assert\w*|expect|panic!|t\.Fatal|t\.Error)\b/.test(after.replace(/^[^\n]*?(catch|except|rescue)\b[^{:\n]*[{:]?/, ""));
}

function tryBlockAsserts(f: ChangedFile, line: SideLine): boolean {
  const lang = f.kind.lang;
  if (isAssertion(line.lex.code.replace(/\.catch\s*\(.*$/, ""), lang)) return true;
  for (const l of take(f.new.above(line.no), 40)) {
    if (isAssertion(l.lex.code, lang)) return true;
    if (/\btry\b/.test(l.lex.code)) return false;
  }
  return false;
}

function take<T>(it: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const x of it) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}

// @Test(expected = …), #[should_panic], [ExpectedException] added to an existing test: it now passes when it throws.
const EXPECTS_THROW = /@Test\s*\([^)]*\bexpected(Exceptions)?\s*=|#\[\s*should_panic\b|\[\s*ExpectedException\s*\(|@(?:Test)?ExpectedException\b/;

function expectedExceptionMarkers(ctx: RuleContext, f: ChangedFile): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  const added = effectiveAdded(f).map((line) => ({ line, hits: EXPECTS_THROW.test(line.lex.code) ? [{ key: "expects-throw" }] : [] }));
  const removed = f.old.changed().map((line) => ({ line, hits: EXPECTS_THROW.test(line.lex.code) ? [{ key: "expects-throw" }] : [] }));
  for (const { line } of netNew(added, removed)) {
    const target = declarationBelow(f.new, line.no, f.kind.lang, testFileFlag(f, "new"));
    if (!target?.isTest || !ctx.tests.existedBefore(f, target)) continue;
    out.push(finding("assertion-weakened", f, line, "new", `test ${target.name} now passes whenever it throws (\`${quote(line.lex.text.trim(), 50)}\`): a failure is turned into a pass`));
  }
  return out;
}
