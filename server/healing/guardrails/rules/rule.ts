// What every rule receives and returns, and the line helpers they share.
import type { ChangedFile, SideLine } from "../model/changed-file";
import type { SubjectIndex } from "../model/subject-index";
import type { TestIndex } from "../model/test-index";
import type { GuardrailFinding } from "../types";

export interface ResolvedOptions {
  allowWorkflowEdits: boolean;
  maxFiles: number;
  maxChangedLines: number;
}

export interface RuleContext {
  files: ChangedFile[];
  options: ResolvedOptions;
  tests: TestIndex;
  subject: SubjectIndex;
}

export type Rule = (ctx: RuleContext) => GuardrailFinding[];

export function finding(rule: string, file: ChangedFile, line: SideLine | null, side: "old" | "new" | null, message: string): GuardrailFinding {
  return { rule, path: file.path, line: line ? line.no : null, side: line ? side : null, message };
}

/** Lines the fix effectively adds: added lines, and unchanged lines it un-comments. */
export function effectiveAdded(file: ChangedFile): SideLine[] {
  const out = file.new.changed();
  for (const l of file.lines) {
    if (l.kind !== "ctx") continue;
    const o = file.old.get(l.oldNo!);
    const n = file.new.get(l.newNo!);
    if (o && n && o.lex.code.trim() === "" && n.lex.code.trim() !== "") out.push(n);
  }
  return out.sort((a, b) => a.no - b.no);
}

/** Lines the fix effectively removes: removed lines, and unchanged lines it comments out (or wraps in a block comment). */
export function effectiveRemoved(file: ChangedFile): { line: SideLine; commentedOut: boolean }[] {
  const out = file.old.changed().map((line) => ({ line, commentedOut: false }));
  for (const l of file.lines) {
    if (l.kind !== "ctx") continue;
    const o = file.old.get(l.oldNo!);
    const n = file.new.get(l.newNo!);
    if (o && n && o.lex.code.trim() !== "" && n.lex.code.trim() === "") out.push({ line: o, commentedOut: true });
  }
  return out.sort((a, b) => a.line.no - b.line.no);
}

/**
 * Added lines carrying keys (markers, directives, settings) that the removed lines of the same file did not
 * carry as often — so moving or re-indenting a line that already had them is not a new occurrence.
 */
export function netNew<T extends { key: string }>(added: { line: SideLine; hits: T[] }[], removed: { hits: T[] }[]): { line: SideLine; hit: T }[] {
  const budget = new Map<string, number>();
  for (const r of removed) for (const h of r.hits) budget.set(h.key, (budget.get(h.key) ?? 0) + 1);
  const out: { line: SideLine; hit: T }[] = [];
  for (const a of added) {
    for (const h of a.hits) {
      const left = budget.get(h.key) ?? 0;
      if (left > 0) budget.set(h.key, left - 1);
      else out.push({ line: a.line, hit: h });
    }
  }
  return out;
}

/**
 * The removed line a new-side line is an edit of: the most similar removed line in the same run of changed
 * lines (at least half its tokens shared), or null when the line is code the fix writes anew.
 */
export function editedFrom(file: ChangedFile, newNo: number): SideLine | null {
  const idx = file.lines.findIndex((l) => l.newNo === newNo && l.kind === "add");
  if (idx < 0) return null;
  const target = file.new.get(newNo);
  if (!target) return null;
  const removed: SideLine[] = [];
  for (let i = idx; i >= 0 && file.lines[i]!.kind !== "ctx"; i--) if (file.lines[i]!.kind === "del") removed.push(file.old.get(file.lines[i]!.oldNo!)!);
  for (let i = idx; i < file.lines.length && file.lines[i]!.kind !== "ctx"; i++) if (file.lines[i]!.kind === "del") removed.push(file.old.get(file.lines[i]!.oldNo!)!);
  let best: SideLine | null = null;
  let bestScore = 0.5;
  for (const r of removed) {
    const s = tokenOverlap(r.lex.code, target.lex.code);
    if (s >= bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

function tokenOverlap(a: string, b: string): number {
  const ta = a.match(/[\w$]+/g) ?? [];
  const tb = b.match(/[\w$]+/g) ?? [];
  if (ta.length === 0 || tb.length === 0) return a.trim() === b.trim() ? 1 : 0;
  const set = new Set(ta);
  const common = tb.filter((t) => set.has(t)).length;
  return common / Math.max(ta.length, tb.length);
}

/** The code of a line with whitespace collapsed, for comparing a line with its edited version. */
export function norm(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function quote(s: string, max = 80): string {
  const t = norm(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
