// One file of a fix as the rules see it: its diff lines with old and new line numbers, both sides lexed
// (comment vs code), and the whole file on a side when it is known (checkFileChanges always knows both;
// a patch knows the whole file only when it is created or deleted). Rules read a side through `Side`,
// which walks only lines actually known, so hunk-only context is never mistaken for the whole file.
import type { StructuredPatch } from "diff";
import { classifyPath, type FileKind } from "./file-kind";
import { lexLines, type LexedLine } from "./lex-lines";

export interface DiffLine {
  kind: "add" | "del" | "ctx";
  raw: string;
  oldNo: number | null;
  newNo: number | null;
  hunk: number;
}

export interface SideLine {
  no: number;
  raw: string;
  lex: LexedLine;
  /** Added (new side) or removed (old side) by the fix. */
  changed: boolean;
}

export class Side {
  private readonly byNo: Map<number, SideLine>;
  private sortedCache: SideLine[] | null = null;
  constructor(lines: SideLine[], readonly full: boolean) {
    this.byNo = new Map(lines.map((l) => [l.no, l]));
  }
  get(no: number): SideLine | undefined {
    return this.byNo.get(no);
  }
  get size(): number {
    return this.byNo.size;
  }
  all(): SideLine[] {
    this.sortedCache ??= [...this.byNo.values()].sort((a, b) => a.no - b.no);
    return this.sortedCache;
  }
  changed(): SideLine[] {
    return this.all().filter((l) => l.changed);
  }
  /** Known lines above `no`, nearest first, stopping at the first unknown line. */
  *above(no: number): Generator<SideLine> {
    for (let k = no - 1; ; k--) {
      const l = this.byNo.get(k);
      if (!l) return;
      yield l;
    }
  }
  /** Known lines below `no`, nearest first, stopping at the first unknown line. */
  *below(no: number): Generator<SideLine> {
    for (let k = no + 1; ; k++) {
      const l = this.byNo.get(k);
      if (!l) return;
      yield l;
    }
  }
  /** All of the side's text when it is known in full. */
  text(): string | null {
    return this.full ? this.all().map((l) => l.raw).join("\n") : null;
  }
}

export interface HunkRange {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export type FileStatus = "added" | "deleted" | "modified" | "renamed";

export interface ChangedFile {
  /** Path on the old side (null when created). */
  oldPath: string | null;
  /** Path on the new side (null when deleted). */
  newPath: string | null;
  /** The path findings name: the new path, or the old one for a deletion. */
  path: string;
  status: FileStatus;
  binary: boolean;
  kind: FileKind;
  /** Kind of the old path (differs from `kind` for a move between roles, e.g. a test moved out of tests/). */
  oldKind: FileKind;
  lines: DiffLine[];
  /** Text after the second @@ of each hunk header (git's enclosing function), "" when absent. */
  headings: string[];
  hunks: HunkRange[];
  old: Side;
  new: Side;
}

export function splitText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export interface BuildInput {
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  binary?: boolean;
  hunks: StructuredPatch["hunks"];
  headings?: string[];
  /** Whole files when known. */
  before?: string[] | null;
  after?: string[] | null;
}

export function buildChangedFile(input: BuildInput): ChangedFile {
  const path = input.newPath ?? input.oldPath ?? "";
  const kind = classifyPath(path);
  const oldKind = input.oldPath ? classifyPath(input.oldPath) : kind;
  const lines: DiffLine[] = [];
  const ranges: HunkRange[] = [];
  input.hunks.forEach((h, hunk) => {
    // An empty side's hunk starts at 0 in unified diffs ("@@ -0,0 +1,3 @@"); a hunk that only adds lines
    // names the old line it follows, so its first old line number is one more.
    let o = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart;
    let n = h.newLines === 0 ? h.newStart + 1 : h.newStart;
    ranges.push({ oldStart: o, oldLines: h.oldLines, newStart: n, newLines: h.newLines });
    for (const l of h.lines) {
      const tag = l[0];
      const raw = l.slice(1).replace(/\r$/, "");
      if (tag === "+") lines.push({ kind: "add", raw, oldNo: null, newNo: n++, hunk });
      else if (tag === "-") lines.push({ kind: "del", raw, oldNo: o++, newNo: null, hunk });
      else if (tag === " " || l === "") lines.push({ kind: "ctx", raw, oldNo: o++, newNo: n++, hunk });
      // "\ No newline at end of file" and other markers carry no line.
    }
  });
  const oldSide = buildSide(lines, "old", input.before ?? null, oldKind);
  const newSide = buildSide(lines, "new", input.after ?? null, kind);
  return {
    oldPath: input.oldPath,
    newPath: input.newPath,
    path,
    status: input.status,
    binary: input.binary ?? false,
    kind,
    oldKind,
    lines,
    headings: input.headings ?? input.hunks.map(() => ""),
    hunks: ranges,
    old: oldSide,
    new: newSide,
  };
}

function buildSide(lines: DiffLine[], side: "old" | "new", full: string[] | null, kind: FileKind): Side {
  const changedKind = side === "old" ? "del" : "add";
  const noOf = (l: DiffLine) => (side === "old" ? l.oldNo : l.newNo);
  const changedNos = new Set(lines.filter((l) => l.kind === changedKind).map(noOf));
  if (full) {
    const lexed = lexLines(full, kind.comments, kind.lang);
    return new Side(
      full.map((raw, i) => ({ no: i + 1, raw, lex: lexed[i]!, changed: changedNos.has(i + 1) })),
      true,
    );
  }
  // Lex each hunk's side as one sequence so block comments and multi-line strings carry over.
  const out: SideLine[] = [];
  const byHunk = new Map<number, DiffLine[]>();
  for (const l of lines) {
    if (l.kind === (side === "old" ? "add" : "del")) continue;
    const list = byHunk.get(l.hunk) ?? [];
    list.push(l);
    byHunk.set(l.hunk, list);
  }
  for (const list of byHunk.values()) {
    const lexed = lexLines(list.map((l) => l.raw), kind.comments, kind.lang);
    list.forEach((l, i) => out.push({ no: noOf(l)!, raw: l.raw, lex: lexed[i]!, changed: l.kind === changedKind }));
  }
  return new Side(out, false);
}
