// The contents API: read a file or directory at a ref, and create or update one file in a commit.
import type { Hono } from "hono";
import { apiUrl, fullName, repoGitDir, type SimContext } from "../../core/context";
import { readBlob, readCommit, readTree } from "../../git/objects";
import { gitText } from "../../git/run-git";
import { gitCommitJson } from "../../json/git-json";
import { commitFiles } from "../../repo-ops/commit-files";
import type { SimRepo } from "../../store/state";
import { GitHubError, notFound } from "../github-error";
import { optionalString, pathRepo, readJson, requireAdmin, requiredString, type ApiContext, type ApiEnv } from "../route-helpers";
import { resolveCommitish } from "./repos";

export function contentRoutes(ctx: SimContext, app: Hono<ApiEnv>): void {
  const read = async (c: ApiContext, filePath: string) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const ref = c.req.query("ref") ?? repo.defaultBranch;
    const sha = await resolveCommitish(gitDir, ref);
    if (!sha) throw new GitHubError(404, `No commit found for the ref ${ref}`);
    const commit = await readCommit(gitDir, sha);
    if (filePath === "") {
      const entries = await readTree(gitDir, commit.tree, false);
      return c.json(entries.map((e) => entryJson(ctx, repo, e.path, e.sha, e.type, e.size ?? 0, ref)));
    }
    const entry = await lookup(gitDir, sha, filePath);
    if (!entry) throw notFound();
    if (entry.type === "tree") {
      const entries = await readTree(gitDir, entry.sha, false);
      return c.json(entries.map((e) => entryJson(ctx, repo, `${filePath}/${e.path}`, e.sha, e.type, e.size ?? 0, ref)));
    }
    const content = await readBlob(gitDir, entry.sha);
    return c.json({
      ...entryJson(ctx, repo, filePath, entry.sha, "blob", content.length, ref),
      content: content.toString("base64").replace(/(.{60})/g, "$1\n"),
      encoding: "base64",
    });
  };

  app.get("/repos/:owner/:repo/contents", (c) => read(c, ""));
  app.get("/repos/:owner/:repo/contents/:path{.+}", (c) => read(c, c.req.param("path").replace(/\/$/, "")));

  app.put("/repos/:owner/:repo/contents/:path{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const filePath = c.req.param("path");
    const body = await readJson(c);
    const message = requiredString(body, "message", "Commit");
    const encoded = requiredString(body, "content", "Commit");
    const branch = optionalString(body, "branch", "Commit") ?? repo.defaultBranch;
    const given = optionalString(body, "sha", "Commit");
    const gitDir = repoGitDir(ctx, repo);
    const head = await resolveCommitish(gitDir, `refs/heads/${branch}`);
    if (!head && branch !== repo.defaultBranch) throw new GitHubError(404, `Branch ${branch} not found`);
    const existing = head ? await lookup(gitDir, head, filePath) : null;
    if (existing && !given) throw new GitHubError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && given !== existing.sha) throw new GitHubError(409, `${filePath} does not match ${given}`);
    const { after } = await commitFiles(ctx, repo, {
      branch,
      files: { [filePath]: Buffer.from(encoded, "base64") },
      message,
      author: c.get("user"),
      ...(head ? { expectedHead: head } : {}),
    });
    const commit = await readCommit(gitDir, after);
    const entry = (await lookup(gitDir, after, filePath))!;
    const size = (await readBlob(gitDir, entry.sha)).length;
    return c.json(
      { content: entryJson(ctx, repo, filePath, entry.sha, "blob", size, branch), commit: gitCommitJson(ctx, repo, commit) },
      existing ? 200 : 201,
    );
  });
}

async function lookup(gitDir: string, commit: string, filePath: string): Promise<{ sha: string; type: string } | null> {
  const out = await gitText(gitDir, ["ls-tree", "-z", commit, "--", filePath]).catch(() => "");
  const line = out.split("\0").find((l) => l.endsWith(`\t${filePath}`));
  if (!line) return null;
  const [, type, sha] = line.split("\t")[0]!.split(" ") as [string, string, string];
  return { sha, type };
}

function entryJson(ctx: SimContext, repo: SimRepo, filePath: string, sha: string, type: string, size: number, ref: string) {
  const api = `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}`;
  const html = `${ctx.baseUrl}/${fullName(ctx, repo)}/${type === "tree" ? "tree" : "blob"}/${ref}/${filePath}`;
  const self = `${api}/contents/${filePath}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${type === "tree" ? "trees" : "blobs"}/${sha}`;
  return {
    type: type === "tree" ? "dir" : type === "commit" ? "submodule" : "file",
    size: type === "blob" ? size : 0,
    name: filePath.split("/").pop()!,
    path: filePath,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === "blob" ? `${ctx.baseUrl}/${fullName(ctx, repo)}/raw/${ref}/${filePath}` : null,
    _links: { self, git, html },
  };
}
