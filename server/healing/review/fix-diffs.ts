// The review page's diff: each file of a stored fix plan as a git-format unified diff, which the
// dashboard's diff viewer (react-diff-view) parses. Derived from the plan's whole-file contents, so the
// diff shown is exactly what an approval commits.
import { structuredPatch } from "diff";
import type { FixChange } from "../fix-plan";

export interface FileDiff {
  path: string;
  action: FixChange["action"];
  /** `diff --git` text of this one file. */
  diff: string;
  additions: number;
  deletions: number;
}

const CONTEXT_LINES = 3;

export function fixDiffs(changes: FixChange[]): FileDiff[] {
  return changes.map(fileDiff);
}

function fileDiff(change: FixChange): FileDiff {
  const before = change.action === "create" ? "" : (change.originalContent ?? "");
  const after = change.action === "delete" ? "" : change.content;
  const { hunks } = structuredPatch(change.path, change.path, before, after, "", "", { context: CONTEXT_LINES });
  const header = [`diff --git a/${change.path} b/${change.path}`];
  if (change.action === "create") header.push("new file mode 100644");
  if (change.action === "delete") header.push("deleted file mode 100644");
  header.push(change.action === "create" ? "--- /dev/null" : `--- a/${change.path}`);
  header.push(change.action === "delete" ? "+++ /dev/null" : `+++ b/${change.path}`);
  let additions = 0;
  let deletions = 0;
  const body: string[] = [];
  for (const h of hunks) {
    // git numbers an empty side from 0 (jsdiff says 1), and the diff parser follows git.
    const oldStart = h.oldLines === 0 ? 0 : h.oldStart;
    const newStart = h.newLines === 0 ? 0 : h.newStart;
    body.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`);
    for (const line of h.lines) {
      // The end-of-file marker is not a line of either version; the viewer would show it as one.
      if (line.startsWith("\\")) continue;
      if (line.startsWith("+")) additions++;
      else if (line.startsWith("-")) deletions++;
      body.push(line);
    }
  }
  return { path: change.path, action: change.action, diff: [...header, ...body].join("\n") + "\n", additions, deletions };
}

/** Line numbers (1-based) of each side that the diff shows, so only those are highlighted. */
export function shownLines(diff: string): { old: Set<number>; new: Set<number> } {
  const shown = { old: new Set<number>(), new: new Set<number>() };
  let oldLine = 0;
  let newLine = 0;
  for (const line of diff.split("\n")) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      continue;
    }
    if (oldLine === 0 && newLine === 0) continue;
    if (line.startsWith("+")) shown.new.add(newLine++);
    else if (line.startsWith("-")) shown.old.add(oldLine++);
    else if (line.startsWith(" ")) {
      shown.old.add(oldLine++);
      shown.new.add(newLine++);
    }
  }
  return shown;
}
