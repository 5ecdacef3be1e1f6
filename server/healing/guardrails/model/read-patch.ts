// A git-format (or plain) unified diff → changed files, parsed by the `diff` package. Paths lose git's
// a/ b/ prefixes; a created or deleted file is known in full from its one-sided hunk.
import { parsePatch, type StructuredPatch } from "diff";
import { AppError } from "../../../errors";
import { buildChangedFile, type ChangedFile, type FileStatus } from "./changed-file";

export class NotADiffError extends AppError {
  constructor(message: string) {
    super("BAD_REQUEST", message);
    this.name = "NotADiffError";
  }
}

const NULL_PATH = "/dev/null";

export function readPatch(patch: string): ChangedFile[] {
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(patch.replace(/\r\n/g, "\n"));
  } catch (e) {
    throw new NotADiffError(`not a valid unified diff: ${(e as Error).message}`);
  }
  const entries = parsed.filter((p) => p.hunks.length > 0 || p.isGit || p.oldFileName || p.newFileName);
  if (entries.length === 0) throw new NotADiffError("not a unified diff: no file headers (---/+++ or diff --git) and no hunks");
  const headings = hunkHeadings(patch);
  let hunkIndex = 0;
  return entries.map((p) => {
    const git = p.isGit === true || (/^a\//.test(p.oldFileName ?? "") && /^b\//.test(p.newFileName ?? ""));
    const oldPath = cleanPath(p.oldFileName, git, "a/");
    const newPath = cleanPath(p.newFileName, git, "b/");
    if (oldPath === null && newPath === null) throw new NotADiffError("not a unified diff: a file section names no file");
    const status: FileStatus =
      p.isDelete || newPath === null ? "deleted"
      : p.isCreate || oldPath === null ? "added"
      : p.isRename || (oldPath !== newPath && !p.isCopy) ? "renamed"
      : "modified";
    const mine = headings.slice(hunkIndex, hunkIndex + p.hunks.length);
    hunkIndex += p.hunks.length;
    const removed = () => p.hunks.flatMap((h) => h.lines.filter((l) => l.startsWith("-")).map((l) => l.slice(1)));
    const added = () => p.hunks.flatMap((h) => h.lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1)));
    return buildChangedFile({
      oldPath: status === "added" ? null : oldPath,
      newPath: status === "deleted" ? null : newPath,
      status,
      binary: p.isBinary === true,
      hunks: p.hunks,
      headings: mine.length === p.hunks.length ? mine : undefined,
      before: status === "deleted" ? removed() : null,
      after: status === "added" ? added() : null,
    });
  });
}

function cleanPath(name: string | undefined, git: boolean, prefix: string): string | null {
  if (name === undefined || name === "" || name === NULL_PATH) return null;
  let p = name.replace(/\t.*$/, "");
  if (git && p.startsWith(prefix)) p = p.slice(prefix.length);
  return p;
}

// parsePatch drops the text after a hunk header's closing @@ (git's enclosing function); read it in order.
function hunkHeadings(patch: string): string[] {
  const out: string[] = [];
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@ ?(.*)$/gm)) out.push(m[1]!.trim());
  return out;
}
