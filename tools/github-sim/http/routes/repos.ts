// A repository, its branches, commits and comparisons.
import type { Hono } from "hono";
import { apiUrl, fullName, repoGitDir, type SimContext } from "../../core/context";
import { diffFiles } from "../../git/diff-files";
import { readCommit } from "../../git/objects";
import { commitsBetween, listRefs, mergeBase, resolveRef } from "../../git/refs";
import { gitText } from "../../git/run-git";
import { branchJson, restCommitJson, shortBranchJson } from "../../json/git-json";
import { repoJson } from "../../json/repo-json";
import { GitHubError, notFound } from "../github-error";
import { paginate, pathRepo, type ApiEnv } from "../route-helpers";

export function repoRoutes(ctx: SimContext, app: Hono<ApiEnv>): void {
  app.get("/repos/:owner/:repo", (c) => c.json(repoJson(ctx, pathRepo(ctx, c), c.get("user"))));

  app.get("/repos/:owner/:repo/branches", async (c) => {
    const repo = pathRepo(ctx, c);
    const refs = await listRefs(repoGitDir(ctx, repo), "refs/heads/");
    const branches = refs.map((r) => shortBranchJson(ctx, repo, r.ref.slice("refs/heads/".length), r.sha));
    return c.json(paginate(c, branches));
  });

  app.get("/repos/:owner/:repo/branches/:branch{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const name = c.req.param("branch");
    const sha = await resolveRef(gitDir, `refs/heads/${name}`);
    if (!sha) throw new GitHubError(404, "Branch not found");
    return c.json(branchJson(ctx, repo, name, await readCommit(gitDir, sha)));
  });

  app.get("/repos/:owner/:repo/commits", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const head = await resolveCommitish(gitDir, c.req.query("sha") ?? repo.defaultBranch);
    if (!head) throw new GitHubError(409, "Git Repository is empty.");
    const page = paginate(c, await allAncestors(gitDir, head));
    return c.json(await Promise.all(page.map(async (sha) => restCommitJson(ctx, repo, await readCommit(gitDir, sha)))));
  });

  app.get("/repos/:owner/:repo/commits/:ref{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const sha = await resolveCommitish(gitDir, c.req.param("ref"));
    if (!sha) throw new GitHubError(422, `No commit found for SHA: ${c.req.param("ref")}`);
    const commit = await readCommit(gitDir, sha);
    const files = await diffFiles(gitDir, commit.parents[0] ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904", sha);
    return c.json(restCommitJson(ctx, repo, commit, files));
  });

  app.get("/repos/:owner/:repo/compare/:basehead{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const [baseName, headName] = c.req.param("basehead").split("...");
    const base = baseName ? await resolveCommitish(gitDir, baseName) : null;
    const head = headName ? await resolveCommitish(gitDir, headName) : null;
    if (!base || !head) throw notFound();
    const mb = await mergeBase(gitDir, base, head);
    const ahead = mb ? await commitsBetween(gitDir, mb, head) : [];
    const behind = mb ? await commitsBetween(gitDir, mb, base) : [];
    const status = ahead.length && behind.length ? "diverged" : ahead.length ? "ahead" : behind.length ? "behind" : "identical";
    const html = `${ctx.baseUrl}/${fullName(ctx, repo)}/compare/${baseName}...${headName}`;
    const files = await diffFiles(gitDir, mb ?? base, head);
    return c.json({
      url: `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}/compare/${baseName}...${headName}`,
      html_url: html,
      permalink_url: `${ctx.baseUrl}/${fullName(ctx, repo)}/compare/${base}...${head}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: restCommitJson(ctx, repo, await readCommit(gitDir, base)),
      merge_base_commit: restCommitJson(ctx, repo, await readCommit(gitDir, mb ?? base)),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: await Promise.all(ahead.map(async (sha) => restCommitJson(ctx, repo, await readCommit(gitDir, sha)))),
      files: files.map((f) => ({
        sha: f.sha ?? "0".repeat(40),
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.changes,
        blob_url: `${ctx.baseUrl}/${fullName(ctx, repo)}/blob/${head}/${f.filename}`,
        raw_url: `${ctx.baseUrl}/${fullName(ctx, repo)}/raw/${head}/${f.filename}`,
        contents_url: `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}/contents/${f.filename}?ref=${head}`,
        ...(f.patch ? { patch: f.patch } : {}),
        ...(f.previousFilename ? { previous_filename: f.previousFilename } : {}),
      })),
    });
  });
}

async function allAncestors(gitDir: string, head: string): Promise<string[]> {
  return (await gitText(gitDir, ["rev-list", head])).split("\n").filter(Boolean);
}

/** A branch name, tag or (abbreviated) sha, as GitHub accepts in `ref` parameters. */
export async function resolveCommitish(gitDir: string, ref: string): Promise<string | null> {
  if (ref.startsWith("-") || ref.includes("..")) return null;
  if (ref.startsWith("refs/")) return resolveRef(gitDir, ref);
  return (await resolveRef(gitDir, `refs/heads/${ref}`)) ?? (await resolveRef(gitDir, `refs/tags/${ref}`)) ??
    (/^[0-9a-f]{4,40}$/.test(ref) ? resolveRef(gitDir, ref) : null);
}
