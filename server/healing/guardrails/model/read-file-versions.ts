// Whole files before/after (what the healing loop holds) → changed files, the diff computed by the `diff`
// package and both sides known in full, so declarations far from a hunk are still seen.
import { structuredPatch } from "diff";
import { AppError } from "../../../errors";
import type { FileVersions } from "../types";
import { buildChangedFile, splitText, type ChangedFile } from "./changed-file";

export function readFileVersions(files: readonly FileVersions[]): ChangedFile[] {
  return files.map((f) => {
    if (f.before === null && f.after === null) throw new AppError("BAD_REQUEST", `${f.path}: neither a before nor an after version`);
    const before = f.before === null ? null : splitText(f.before);
    const after = f.after === null ? null : splitText(f.after);
    const patch = structuredPatch(f.path, f.path, toDiffText(before), toDiffText(after), "", "", { context: 3 });
    return buildChangedFile({
      oldPath: f.before === null ? null : f.path,
      newPath: f.after === null ? null : f.path,
      status: f.before === null ? "added" : f.after === null ? "deleted" : "modified",
      hunks: patch.hunks,
      before,
      after,
    });
  });
}

// Normalized line endings and a final newline, so a CRLF file or a missing last newline is not a change.
function toDiffText(lines: string[] | null): string {
  return lines === null || lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
