// Re-applies a cached fix to the files at a new failing commit. Diffs are applied with `diff`'s fuzzy
// patching (hunks may have moved; up to `fuzzFactor` context lines may differ; trailing whitespace is
// ignored); a file the fix created is written from its content when it does not exist yet. All or
// nothing: if any file does not take the change, nothing is returned to commit, and the LLM path gets the
// cached fix as a hint instead.
import { applyPatch, parsePatch } from "diff";
import type { FileChange, KbFix } from "./types";

export type ReadFile = (path: string) => Promise<string | null>;

export interface ReappliedFile {
  path: string;
  content: string;
  /** patch: applied as recorded; fuzzy: only with offset/fuzz; content: written whole (new file). */
  how: "patch" | "fuzzy" | "content";
}

export interface FixHint {
  fixId: string;
  strategy: string;
  changes: FileChange[];
  /** Why each file did not take the change. */
  problems: { path: string; reason: string }[];
}

export type ReapplyResult = { applied: true; files: ReappliedFile[] } | { applied: false; hint: FixHint };

export interface ReapplyOptions {
  readFile: ReadFile;
  /** Context lines that may differ per hunk (diff's fuzzFactor). */
  fuzzFactor?: number;
}

export async function reapplyFix(fix: Pick<KbFix, "id" | "strategy" | "changes">, options: ReapplyOptions): Promise<ReapplyResult> {
  const fuzzFactor = options.fuzzFactor ?? 2;
  const files: ReappliedFile[] = [];
  const problems: { path: string; reason: string }[] = [];
  for (const change of fix.changes) {
    const current = await options.readFile(change.path);
    const result = reapplyChange(change, current, fuzzFactor);
    if ("reason" in result) problems.push({ path: change.path, reason: result.reason });
    else files.push(result);
  }
  if (problems.length > 0 || files.length === 0) {
    return { applied: false, hint: { fixId: fix.id, strategy: fix.strategy, changes: fix.changes, problems } };
  }
  return { applied: true, files };
}

function reapplyChange(change: FileChange, current: string | null, fuzzFactor: number): ReappliedFile | { reason: string } {
  if (current === null) {
    if (change.content !== undefined && (!change.diff || createsFile(change.diff))) {
      return { path: change.path, content: change.content, how: "content" };
    }
    if (change.diff && createsFile(change.diff)) return patch(change, "", fuzzFactor);
    return { reason: "the file does not exist at this commit" };
  }
  if (change.diff && createsFile(change.diff)) {
    // Applying a file-creating diff to an existing file would just prepend to it.
    const created = applyPatch("", change.diff);
    return created !== false && created === current
      ? { path: change.path, content: current, how: "patch" }
      : { reason: "the fix creates this file, and a different one exists at this commit" };
  }
  if (!change.diff) {
    // Full content alone cannot be merged into a file that changed since; only a no-op is safe.
    return current === change.content
      ? { path: change.path, content: current, how: "patch" }
      : { reason: "the fix holds the whole file, and the file differs at this commit" };
  }
  return patch(change, current, fuzzFactor);
}

function patch(change: FileChange, source: string, fuzzFactor: number): ReappliedFile | { reason: string } {
  const exact = applyPatch(source, change.diff!);
  if (exact !== false && exactlyPlaced(source, change.diff!)) return { path: change.path, content: exact, how: "patch" };
  const fuzzy = exact !== false ? exact : applyPatch(source, change.diff!, { fuzzFactor, compareLine: sameIgnoringTrailingSpace });
  if (fuzzy === false) return { reason: `the diff does not apply, even with fuzz factor ${fuzzFactor}` };
  return { path: change.path, content: fuzzy, how: "fuzzy" };
}

// diff calls this past the end of the file too (line undefined): that is never a match.
export const sameIgnoringTrailingSpace = (_n: number, line: string | undefined, _op: string, patchContent: string) =>
  line !== undefined && line.replace(/\s+$/, "") === patchContent.replace(/\s+$/, "");

function createsFile(diff: string): boolean {
  const [p] = parsePatch(diff);
  if (!p) return false;
  return p.oldFileName === "/dev/null" || (p.hunks.length === 1 && p.hunks[0]!.oldStart === 0 && p.hunks[0]!.oldLines === 0);
}

/** True when every hunk's old lines sit exactly where the diff says (no offset was needed). */
function exactlyPlaced(source: string, diff: string): boolean {
  const lines = source.split("\n");
  const [p] = parsePatch(diff);
  if (!p) return false;
  return p.hunks.every((h) => {
    const old = h.lines.filter((l) => l[0] === " " || l[0] === "-").map((l) => l.slice(1));
    const start = Math.max(0, h.oldStart - 1);
    return old.every((l, i) => lines[start + i] === l);
  });
}
