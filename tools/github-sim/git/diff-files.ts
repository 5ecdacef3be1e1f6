// The per-file summary GitHub shows in compare and push payloads: status, line counts and the patch.
import { gitText } from "./run-git";

export interface FileDiff {
  filename: string;
  previousFilename?: string;
  status: "added" | "removed" | "modified" | "renamed";
  additions: number;
  deletions: number;
  changes: number;
  sha: string | null;
  patch?: string;
}

const statusNames: Record<string, FileDiff["status"]> = { A: "added", D: "removed", M: "modified", R: "renamed" };

export async function diffFiles(gitDir: string, base: string, head: string): Promise<FileDiff[]> {
  const nameStatus = await gitText(gitDir, ["diff", "--name-status", "-z", "-M", base, head]);
  const numstat = await gitText(gitDir, ["diff", "--numstat", "-z", "-M", base, head]);
  const counts = parseNumstat(numstat);
  const fields = nameStatus.split("\0").filter((f) => f !== "");
  const files: FileDiff[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!;
    const letter = code[0]!;
    const previous = letter === "R" ? fields[i++] : undefined;
    const filename = fields[i++]!;
    const count = counts.get(filename) ?? { additions: 0, deletions: 0 };
    const sha = letter === "D" ? null : (await gitText(gitDir, ["rev-parse", `${head}:${filename}`])).trim();
    const patch = await filePatch(gitDir, base, head, previous ?? filename, filename);
    files.push({
      filename,
      ...(previous ? { previousFilename: previous } : {}),
      status: statusNames[letter] ?? "modified",
      additions: count.additions,
      deletions: count.deletions,
      changes: count.additions + count.deletions,
      sha,
      ...(patch ? { patch } : {}),
    });
  }
  return files;
}

function parseNumstat(text: string): Map<string, { additions: number; deletions: number }> {
  const result = new Map<string, { additions: number; deletions: number }>();
  const fields = text.split("\0").filter((f) => f !== "");
  for (let i = 0; i < fields.length; i++) {
    const [added, deleted, name] = fields[i]!.split("\t") as [string, string, string];
    // Renames put the two names in the next fields instead of the third column.
    const filename = name === "" ? (i += 2, fields[i]!) : name;
    result.set(filename, { additions: Number(added) || 0, deletions: Number(deleted) || 0 });
  }
  return result;
}

async function filePatch(gitDir: string, base: string, head: string, from: string, to: string): Promise<string> {
  const out = await gitText(gitDir, ["diff", "-M", base, head, "--", from, to]);
  const hunk = out.indexOf("\n@@");
  return hunk < 0 ? "" : out.slice(hunk + 1).replace(/\n$/, "");
}
