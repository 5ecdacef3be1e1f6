// Git data in GitHub's shapes: refs, git commits, trees, blobs, REST commits and branches.
import { apiUrl, fullName, type SimContext } from "../core/context";
import type { GitCommitObject, TreeEntry } from "../git/objects";
import type { FileDiff } from "../git/diff-files";
import type { SimRepo } from "../store/state";
import { nodeId } from "./node-id";

const repoApi = (ctx: SimContext, repo: SimRepo) => `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}`;
const repoHtml = (ctx: SimContext, repo: SimRepo) => `${ctx.baseUrl}/${fullName(ctx, repo)}`;

export function refJson(ctx: SimContext, repo: SimRepo, ref: string, sha: string) {
  return {
    ref,
    node_id: nodeId("Ref", `${repo.id}:${ref}`),
    url: `${repoApi(ctx, repo)}/git/${ref}`,
    object: { type: "commit", sha, url: `${repoApi(ctx, repo)}/git/commits/${sha}` },
  };
}

const unverified = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };

export function gitCommitJson(ctx: SimContext, repo: SimRepo, commit: GitCommitObject) {
  const api = repoApi(ctx, repo);
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${repoHtml(ctx, repo)}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${repoHtml(ctx, repo)}/commit/${p}`,
    })),
    verification: unverified,
  };
}

export function treeJson(ctx: SimContext, repo: SimRepo, sha: string, entries: TreeEntry[]) {
  const api = repoApi(ctx, repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size !== undefined ? { size: e.size } : {}),
      url: `${api}/git/${e.type === "blob" ? "blobs" : "trees"}/${e.sha}`,
    })),
    truncated: false,
  };
}

export function blobJson(ctx: SimContext, repo: SimRepo, sha: string, content: Buffer) {
  return {
    sha,
    node_id: nodeId("Blob", sha),
    size: content.length,
    url: `${repoApi(ctx, repo)}/git/blobs/${sha}`,
    content: content.toString("base64").replace(/(.{60})/g, "$1\n"),
    encoding: "base64",
  };
}

/** REST `commit` (GET /commits/{ref}, compare): the git commit plus GitHub's users and file list. */
export function restCommitJson(ctx: SimContext, repo: SimRepo, commit: GitCommitObject, files?: FileDiff[]) {
  const api = repoApi(ctx, repo);
  const html = `${repoHtml(ctx, repo)}/commit/${commit.sha}`;
  const additions = files?.reduce((n, f) => n + f.additions, 0) ?? 0;
  const deletions = files?.reduce((n, f) => n + f.deletions, 0) ?? 0;
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    html_url: html,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: unverified,
    },
    author: null,
    committer: null,
    parents: commit.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${repoHtml(ctx, repo)}/commit/${p}` })),
    ...(files ? { stats: { additions, deletions, total: additions + deletions }, files: files.map((f) => fileJson(ctx, repo, commit.sha, f)) } : {}),
  };
}

export function fileJson(ctx: SimContext, repo: SimRepo, ref: string, f: FileDiff) {
  const sha = f.sha ?? "0".repeat(40);
  return {
    sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${repoHtml(ctx, repo)}/blob/${ref}/${f.filename}`,
    raw_url: `${repoHtml(ctx, repo)}/raw/${ref}/${f.filename}`,
    contents_url: `${repoApi(ctx, repo)}/contents/${f.filename}?ref=${ref}`,
    ...(f.patch ? { patch: f.patch } : {}),
    ...(f.previousFilename ? { previous_filename: f.previousFilename } : {}),
  };
}

export function branchJson(ctx: SimContext, repo: SimRepo, name: string, commit: GitCommitObject) {
  const api = repoApi(ctx, repo);
  return {
    name,
    commit: restCommitJson(ctx, repo, commit),
    _links: { self: `${api}/branches/${name}`, html: `${repoHtml(ctx, repo)}/tree/${name}` },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
    protection_url: `${api}/branches/${name}/protection`,
  };
}

export function shortBranchJson(ctx: SimContext, repo: SimRepo, name: string, sha: string) {
  return { name, commit: { sha, url: `${repoApi(ctx, repo)}/commits/${sha}` }, protected: false };
}
