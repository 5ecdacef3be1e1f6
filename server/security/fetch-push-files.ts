// The files a push changed, at the pushed commit: the compare API between `before` and `after` (GitHub
// lists each changed file's blob), or the whole tree of `after` for a new branch — both capped. Contents
// come from the git blobs API by blob SHA, so they are exactly the pushed commit's.
import pLimit from "p-limit";
import type { GitHubClient } from "../github/octokit";
import { githubStatus } from "../github/octokit";
import { splitRepoFullName } from "../repos/repo-name";
import type { ScanInput, ScanNote } from "./scan-files";

export interface PushFilesRequest {
  repoFullName: string;
  before: string;
  after: string;
  /** From the push payload: used when the compare API cannot place `before` (force push, unknown base). */
  changedFiles: string[];
  maxFiles: number;
  maxFileBytes: number;
}

export interface PushFiles {
  files: ScanInput[];
  notes: ScanNote[];
  mode: "compare" | "tree" | "payload";
}

interface FileRef {
  path: string;
  sha: string | null;
  size: number | null;
}

const NEW_BRANCH = /^0+$/;

export async function fetchPushFiles(github: GitHubClient, req: PushFilesRequest): Promise<PushFiles> {
  const { owner, repo } = splitRepoFullName(req.repoFullName);
  const notes: ScanNote[] = [];
  let refs: FileRef[];
  let mode: PushFiles["mode"];
  if (NEW_BRANCH.test(req.before)) {
    mode = "tree";
    const { data } = await github.rest.git.getTree({ owner, repo, tree_sha: req.after, recursive: "1" });
    if (data.truncated) notes.push({ file: null, message: "the repository tree is too large for one listing: only its first part was scanned" });
    refs = data.tree.filter((e) => e.type === "blob" && e.path && e.sha).map((e) => ({ path: e.path!, sha: e.sha!, size: e.size ?? null }));
  } else {
    try {
      const { data } = await github.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${req.before}...${req.after}`, per_page: 100 });
      mode = "compare";
      refs = (data.files ?? []).filter((f) => f.status !== "removed").map((f) => ({ path: f.filename, sha: f.sha || null, size: null }));
      if ((data.files?.length ?? 0) >= 300) notes.push({ file: null, message: "the compare API lists at most 300 files: later files of this push were not scanned" });
    } catch (err) {
      if (githubStatus(err) !== 404) throw err;
      mode = "payload";
      notes.push({ file: null, message: `compare ${req.before.slice(0, 7)}...${req.after.slice(0, 7)} is unknown to GitHub (force push?): scanning the files the push payload lists` });
      refs = req.changedFiles.map((path) => ({ path, sha: null, size: null }));
    }
  }
  if (refs.length > req.maxFiles) {
    notes.push({ file: null, message: `${refs.length} files changed: only the first ${req.maxFiles} were scanned (SECURITY_SCAN_MAX_FILES)` });
    refs = refs.slice(0, req.maxFiles);
  }

  const limit = pLimit(4);
  const files: ScanInput[] = [];
  await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        if (ref.size !== null && ref.size > req.maxFileBytes) {
          notes.push({ file: ref.path, message: `skipped: ${ref.size} bytes is over the ${req.maxFileBytes}-byte limit` });
          return;
        }
        const content = await readFileAt(github, owner, repo, ref, req.after);
        if (content) files.push({ path: ref.path, content });
        else notes.push({ file: ref.path, message: "skipped: not a file at the pushed commit" });
      }),
    ),
  );
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, notes, mode };
}

async function readFileAt(github: GitHubClient, owner: string, repo: string, ref: FileRef, commit: string): Promise<Uint8Array | null> {
  if (ref.sha) {
    const { data } = await github.rest.git.getBlob({ owner, repo, file_sha: ref.sha });
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  }
  try {
    const { data } = await github.rest.repos.getContent({ owner, repo, path: ref.path, ref: commit });
    if (Array.isArray(data) || data.type !== "file") return null;
    return data.sha ? readFileAt(github, owner, repo, { ...ref, sha: data.sha }, commit) : null;
  } catch (err) {
    if (githubStatus(err) === 404) return null;
    throw err;
  }
}
