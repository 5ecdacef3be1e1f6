// Which tests a fix removes, adds, renames or demotes, across all its files. A removed test whose name
// (or, failing that, whose body) reappears as a test elsewhere in the fix was moved or renamed; one that
// reappears only as a non-test (the @Test annotation gone, renamed out of the test_ convention, commented
// out) was demoted; one that reappears nowhere was deleted.
import type { ChangedFile, SideLine } from "./changed-file";
import { declarationAt, declarationsOf, extentOf, type Decl } from "./declarations";

export type TestFate = "kept" | "renamed" | "demoted" | "deleted";

export interface RemovedTest {
  file: ChangedFile;
  decl: Decl;
  body: SideLine[];
  fate: TestFate;
  /** The test (or non-test) it became, when it survives. */
  becomes: { file: ChangedFile; decl: Decl } | null;
}

export interface TestIndex {
  removed: RemovedTest[];
  /** Whether a test on the new side of a file existed before the fix (as itself, moved or renamed). */
  existedBefore(file: ChangedFile, decl: Decl): boolean;
  /** Test declarations on the old side of a file (known lines). */
  oldTests(file: ChangedFile): Decl[];
}

const RENAME_SIMILARITY = 0.6;

export function isTestSource(file: ChangedFile, side: "old" | "new"): boolean {
  const kind = side === "old" ? file.oldKind : file.kind;
  return kind.code && (kind.test || kind.lang === "java" || kind.lang === "kotlin" || kind.lang === "csharp" || kind.lang === "rust" || kind.lang === "scala" || kind.lang === "groovy");
}

export function testFileFlag(file: ChangedFile, side: "old" | "new"): boolean {
  return (side === "old" ? file.oldKind : file.kind).test;
}

export function buildTestIndex(files: ChangedFile[]): TestIndex {
  const oldDecls = new Map<ChangedFile, Decl[]>();
  const newDecls = new Map<ChangedFile, Decl[]>();
  for (const f of files) {
    oldDecls.set(f, isTestSource(f, "old") ? declarationsOf(f.old, f.oldKind.lang, testFileFlag(f, "old")) : []);
    newDecls.set(f, isTestSource(f, "new") ? declarationsOf(f.new, f.kind.lang, testFileFlag(f, "new")) : []);
  }
  const addedTests: { file: ChangedFile; decl: Decl; body: SideLine[] }[] = [];
  const addedOthers: { file: ChangedFile; decl: Decl; body: SideLine[] }[] = [];
  for (const f of files) {
    for (const d of newDecls.get(f)!) {
      const line = f.new.get(d.line)!;
      const markerChanged = d.markerLines.some((n) => f.new.get(n)?.changed);
      if (!line.changed && !markerChanged) continue;
      const entry = { file: f, decl: d, body: extentOf(f.new, d, f.kind.lang).lines.slice(1) };
      (d.isTest ? addedTests : addedOthers).push(entry);
    }
  }
  const removed: RemovedTest[] = [];
  for (const f of files) {
    for (const d of oldDecls.get(f)!) {
      if (!d.isTest) continue;
      const line = f.old.get(d.line)!;
      const body = extentOf(f.old, d, f.oldKind.lang).lines.slice(1);
      if (!line.changed) {
        // The declaration line stayed: it is demoted when the new side no longer sees a test there.
        const newNo = mapOldToNew(f, d.line);
        const now = newNo === null ? null : declarationAt(f.new, newNo, f.kind.lang, testFileFlag(f, "new"));
        if (newNo !== null && f.new.get(newNo) && (now === null || !now.isTest)) {
          removed.push({ file: f, decl: d, body, fate: "demoted", becomes: now ? { file: f, decl: now } : null });
        }
        continue;
      }
      removed.push({ file: f, decl: d, body, fate: "deleted", becomes: null });
    }
  }
  const claimed = new Set<Decl>();
  for (const r of removed) {
    if (r.fate === "demoted") continue;
    const sameName = addedTests.find((a) => !claimed.has(a.decl) && a.decl.name === r.decl.name && sameSuiteLanguage(a.file, r.file));
    if (sameName) {
      claimed.add(sameName.decl);
      r.fate = "kept";
      r.becomes = sameName;
      continue;
    }
    // Still declared on the new side of a fully known file (a removed duplicate line, an edited signature).
    const stillThere = r.file.new.full && (newDecls.get(r.file) ?? []).find((d) => d.name === r.decl.name && d.isTest);
    if (stillThere) {
      r.fate = "kept";
      r.becomes = { file: r.file, decl: stillThere };
      continue;
    }
    const demotedByName = [...addedOthers].find((a) => a.decl.name === r.decl.name);
    if (demotedByName) {
      r.fate = "demoted";
      r.becomes = demotedByName;
      continue;
    }
    const renamed = best(addedTests.filter((a) => !claimed.has(a.decl)), r.body);
    if (renamed) {
      claimed.add(renamed.decl);
      r.fate = "renamed";
      r.becomes = renamed;
      continue;
    }
    const demoted = best(addedOthers, r.body);
    if (demoted) {
      r.fate = "demoted";
      r.becomes = demoted;
    }
  }
  const survivors = new Set(removed.filter((r) => r.becomes).map((r) => r.becomes!.decl));
  return {
    removed,
    existedBefore(file, decl) {
      if (survivors.has(decl)) return true;
      const line = file.new.get(decl.line);
      if (line && !line.changed) return true;
      // A changed declaration line whose old version declared the same name (e.g. an annotation added inline).
      return (oldDecls.get(file) ?? []).some((d) => d.name === decl.name) || removed.some((r) => r.decl.name === decl.name);
    },
    oldTests(file) {
      return (oldDecls.get(file) ?? []).filter((d) => d.isTest);
    },
  };
}

function sameSuiteLanguage(a: ChangedFile, b: ChangedFile): boolean {
  return a.kind.lang === b.oldKind.lang || a.kind.comments === b.oldKind.comments;
}

function best<T extends { body: SideLine[] }>(candidates: T[], body: SideLine[]): T | null {
  let top: T | null = null;
  let topScore = RENAME_SIMILARITY;
  for (const c of candidates) {
    const s = bodySimilarity(body, c.body);
    if (s >= topScore) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

export function bodySimilarity(a: SideLine[], b: SideLine[]): number {
  return Math.max(lineSimilarity(a, b), tokenSimilarity(a, b));
}

// Same tokens in about the same amounts: a body whose symbols were renamed, or lines re-wrapped.
function tokenSimilarity(a: SideLine[], b: SideLine[]): number {
  const toks = (ls: SideLine[]) => ls.flatMap((l) => l.lex.text.match(/[A-Za-z_$][\w$]*|\d[\w.]*|"[^"]*"|'[^']*'/g) ?? []);
  const x = toks(a);
  const y = toks(b);
  if (x.length < 3 || y.length < 3) return 0;
  return multisetOverlap(x, y);
}

function multisetOverlap(x: string[], y: string[]): number {
  const counts = new Map<string, number>();
  for (const t of x) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of y) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return common / Math.max(x.length, y.length);
}

function lineSimilarity(a: SideLine[], b: SideLine[]): number {
  const norm = (ls: SideLine[]) => ls.map((l) => l.lex.code.replace(/\s+/g, " ").trim()).filter((t) => t.length > 1 && !/^[{}()\];,]+$/.test(t));
  const x = norm(a);
  const y = norm(b);
  if (x.length === 0 || y.length === 0) return 0;
  return multisetOverlap(x, y);
}

/** The new-side line number of an unchanged old-side line (null when the fix removed it). */
export function mapOldToNew(file: ChangedFile, oldNo: number): number | null {
  let shift = 0;
  for (const h of file.hunks) {
    if (h.oldStart > oldNo) break;
    if (oldNo < h.oldStart + h.oldLines) {
      const l = file.lines.find((x) => x.kind === "ctx" && x.oldNo === oldNo);
      return l ? l.newNo : null;
    }
    shift = h.newStart + h.newLines - (h.oldStart + h.oldLines);
  }
  return oldNo + shift;
}
