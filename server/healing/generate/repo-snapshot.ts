// The repository as it was at the failing commit, read through the git data API: the commit (its tree
// and parent), the tree's file list, and file contents by blob sha, so every file the prompt shows and
// every diff the model returns refers to exactly that commit. Reads are cached per snapshot.
import type { GitHubClient } from "../../github/octokit";
import { githubStatus } from "../../github/octokit";

/** Files larger than this are never put in a prompt (generated or vendored, and too big to reason about). */
export const MAX_FILE_BYTES = 512 * 1024;

export type FileRead = { ok: true; content: string } | { ok: false; reason: string; bytes: number; missing?: true };

const MISSING: FileRead = { ok: false, reason: "not in the repository at the failing commit", bytes: 0, missing: true };

export interface RepoSnapshot {
  owner: string;
  repo: string;
  commitSha: string;
  parentSha: string | null;
  /** Regular files (blobs) of the tree at the commit. */
  paths: Set<string>;
  /** GitHub cut the tree listing short (very large repositories): a path missing from `paths` may exist. */
  truncated: boolean;
  read(path: string): Promise<FileRead>;
}

export async function loadRepoSnapshot(github: GitHubClient, o: { owner: string; repo: string; commitSha: string }): Promise<RepoSnapshot> {
  const { data: commit } = await github.rest.git.getCommit({ owner: o.owner, repo: o.repo, commit_sha: o.commitSha });
  const { data: tree } = await github.rest.git.getTree({ owner: o.owner, repo: o.repo, tree_sha: commit.tree.sha, recursive: "1" });
  const blobs = new Map<string, { sha: string; size: number }>();
  for (const entry of tree.tree) {
    // 120000 is a symlink and 160000 a submodule: neither is a file the fix can edit.
    if (entry.type === "blob" && entry.path && entry.sha && entry.mode !== "120000") blobs.set(entry.path, { sha: entry.sha, size: entry.size ?? 0 });
  }
  const cache = new Map<string, Promise<FileRead>>();
  const read = (path: string): Promise<FileRead> => {
    let pending = cache.get(path);
    if (!pending) {
      pending = readFile(github, o, path, blobs.get(path), tree.truncated);
      cache.set(path, pending);
    }
    return pending;
  };
  return {
    owner: o.owner,
    repo: o.repo,
    commitSha: o.commitSha,
    parentSha: commit.parents[0]?.sha ?? null,
    paths: new Set(blobs.keys()),
    truncated: tree.truncated,
    read,
  };
}

async function readFile(
  github: GitHubClient,
  o: { owner: string; repo: string; commitSha: string },
  path: string,
  blob: { sha: string; size: number } | undefined,
  truncated: boolean,
): Promise<FileRead> {
  if (!blob && !truncated) return MISSING;
  if (blob && blob.size > MAX_FILE_BYTES) return { ok: false, reason: `larger than ${MAX_FILE_BYTES} bytes`, bytes: blob.size };
  let bytes: Buffer;
  try {
    if (blob) {
      const { data } = await github.rest.git.getBlob({ owner: o.owner, repo: o.repo, file_sha: blob.sha });
      bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    } else {
      const { data } = await github.rest.repos.getContent({ owner: o.owner, repo: o.repo, path, ref: o.commitSha });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return MISSING;
      bytes = Buffer.from(data.content, "base64");
    }
  } catch (err) {
    if (githubStatus(err) === 404) return MISSING;
    throw err;
  }
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `larger than ${MAX_FILE_BYTES} bytes`, bytes: bytes.length };
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: "binary file", bytes: bytes.length };
  return { ok: true, content: bytes.toString("utf8") };
}
