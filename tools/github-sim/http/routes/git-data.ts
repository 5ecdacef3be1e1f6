// The git data API (blobs, trees, commits, refs): the path InfraFlow commits fixes through.
import type { Hono } from "hono";
import { repoGitDir, type SimContext } from "../../core/context";
import { buildTree, objectType, readBlob, readCommit, readTree, writeBlob, writeCommit, type TreeChange } from "../../git/objects";
import { deleteRef, isAncestor, listRefs, resolveRef, updateRef } from "../../git/refs";
import { blobJson, gitCommitJson, refJson, treeJson } from "../../json/git-json";
import { GitHubError, invalid, notFound } from "../github-error";
import { isSha, optionalString, pathRepo, readJson, requireAdmin, requiredString, type ApiEnv } from "../route-helpers";
import { resolveCommitish } from "./repos";

const modes = new Set(["100644", "100755", "040000", "160000", "120000"]);

export function gitDataRoutes(ctx: SimContext, app: Hono<ApiEnv>): void {
  app.post("/repos/:owner/:repo/git/blobs", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const body = await readJson(c);
    if (typeof body.content !== "string") throw invalid("Blob", "content", "missing_field");
    const encoding = body.encoding ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") throw invalid("Blob", "encoding", "invalid");
    const content = Buffer.from(body.content, encoding === "base64" ? "base64" : "utf8");
    const sha = await writeBlob(repoGitDir(ctx, repo), content);
    return c.json({ url: blobJson(ctx, repo, sha, content).url, sha }, 201);
  });

  app.get("/repos/:owner/:repo/git/blobs/:sha", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const sha = c.req.param("sha");
    if ((await objectType(gitDir, sha)) !== "blob") throw notFound();
    return c.json(blobJson(ctx, repo, sha, await readBlob(gitDir, sha)));
  });

  app.post("/repos/:owner/:repo/git/trees", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const gitDir = repoGitDir(ctx, repo);
    const body = await readJson(c);
    if (!Array.isArray(body.tree)) throw invalid("Tree", "tree", "missing_field");
    const baseTree = optionalString(body, "base_tree", "Tree");
    if (baseTree && (await objectType(gitDir, baseTree)) !== "tree") throw new GitHubError(422, "base_tree is not a valid tree oid");
    const changes: TreeChange[] = [];
    for (const raw of body.tree as Record<string, unknown>[]) {
      const entryPath = typeof raw?.path === "string" ? raw.path.replace(/^\/+/, "") : "";
      if (!entryPath) throw invalid("Tree", "path", "missing_field");
      const mode = String(raw.mode ?? "");
      if (!modes.has(mode)) throw invalid("Tree", "mode", "invalid", `tree.mode contains a malformed mode: ${mode}`);
      if (typeof raw.content === "string") {
        changes.push({ path: entryPath, mode, sha: await writeBlob(gitDir, Buffer.from(raw.content, "utf8")) });
      } else if (raw.sha === null) {
        changes.push({ path: entryPath, mode, sha: null });
      } else if (isSha(raw.sha) && (await objectType(gitDir, raw.sha)) === "blob") {
        changes.push({ path: entryPath, mode, sha: raw.sha });
      } else {
        throw new GitHubError(422, `tree.sha ${String(raw.sha)} is not a valid blob`);
      }
    }
    const sha = await buildTree(gitDir, baseTree ?? null, changes);
    return c.json(treeJson(ctx, repo, sha, await readTree(gitDir, sha, false)), 201);
  });

  app.get("/repos/:owner/:repo/git/trees/:sha{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    const given = c.req.param("sha");
    const type = await objectType(gitDir, given);
    const commit = type === "tree" ? null : await resolveCommitish(gitDir, given);
    const treeSha = type === "tree" ? given : commit ? (await readCommit(gitDir, commit)).tree : null;
    if (!treeSha) throw notFound();
    const recursive = ["1", "true"].includes(c.req.query("recursive") ?? "");
    return c.json(treeJson(ctx, repo, treeSha, await readTree(gitDir, treeSha, recursive)));
  });

  app.post("/repos/:owner/:repo/git/commits", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const gitDir = repoGitDir(ctx, repo);
    const body = await readJson(c);
    const message = requiredString(body, "message", "Commit");
    const tree = requiredString(body, "tree", "Commit");
    if ((await objectType(gitDir, tree)) !== "tree") throw new GitHubError(422, "Tree SHA does not exist");
    const parents = body.parents ?? [];
    if (!Array.isArray(parents)) throw invalid("Commit", "parents", "invalid");
    for (const parent of parents) {
      if (!isSha(parent) || (await objectType(gitDir, parent)) !== "commit") {
        throw new GitHubError(422, "Parent SHA does not exist or is not a commit object");
      }
    }
    const user = c.get("user");
    const fallback = { name: user.name, email: user.email ?? `${user.login}@users.noreply`, date: ctx.now() };
    const author = person(body.author, fallback);
    const sha = await writeCommit(gitDir, { tree, parents: parents as string[], message, author, committer: person(body.committer, author) });
    return c.json(gitCommitJson(ctx, repo, await readCommit(gitDir, sha)), 201);
  });

  app.get("/repos/:owner/:repo/git/commits/:sha", async (c) => {
    const repo = pathRepo(ctx, c);
    const gitDir = repoGitDir(ctx, repo);
    if ((await objectType(gitDir, c.req.param("sha"))) !== "commit") throw notFound();
    return c.json(gitCommitJson(ctx, repo, await readCommit(gitDir, c.req.param("sha"))));
  });

  app.get("/repos/:owner/:repo/git/ref/:ref{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    const ref = `refs/${c.req.param("ref")}`;
    const sha = await resolveRef(repoGitDir(ctx, repo), ref);
    if (!sha || !(await refExists(repoGitDir(ctx, repo), ref))) throw notFound();
    return c.json(refJson(ctx, repo, ref, sha));
  });

  app.get("/repos/:owner/:repo/git/matching-refs/:ref{.*}", async (c) => {
    const repo = pathRepo(ctx, c);
    const prefix = `refs/${c.req.param("ref") ?? ""}`;
    const refs = (await listRefs(repoGitDir(ctx, repo), "refs/")).filter((r) => r.ref.startsWith(prefix));
    return c.json(refs.map((r) => refJson(ctx, repo, r.ref, r.sha)));
  });

  app.post("/repos/:owner/:repo/git/refs", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const gitDir = repoGitDir(ctx, repo);
    const body = await readJson(c);
    const ref = requiredString(body, "ref", "Reference");
    const sha = requiredString(body, "sha", "Reference");
    if (!/^refs\/[^/]+\/.+/.test(ref) || ref.includes("..") || /[\s~^:?*[\\]/.test(ref)) {
      throw new GitHubError(422, "Reference name is not valid");
    }
    if (!isSha(sha) || (await objectType(gitDir, sha)) !== "commit") throw new GitHubError(422, "Object does not exist");
    if (await refExists(gitDir, ref)) throw new GitHubError(422, "Reference already exists");
    await updateRef(gitDir, ref, sha, "0".repeat(40));
    await ctx.hooks.refUpdated({ repo, ref, before: null, after: sha, forced: false, pusher: c.get("user") });
    return c.json(refJson(ctx, repo, ref, sha), 201);
  });

  app.patch("/repos/:owner/:repo/git/refs/:ref{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const gitDir = repoGitDir(ctx, repo);
    const ref = `refs/${c.req.param("ref").replace(/^refs\//, "")}`;
    const body = await readJson(c);
    const sha = requiredString(body, "sha", "Reference");
    const force = body.force === true;
    const current = (await refExists(gitDir, ref)) ? await resolveRef(gitDir, ref) : null;
    if (!current) throw new GitHubError(422, "Reference does not exist");
    if (!isSha(sha) || (await objectType(gitDir, sha)) !== "commit") throw new GitHubError(422, "Object does not exist");
    if (!force && !(await isAncestor(gitDir, current, sha))) throw new GitHubError(422, "Update is not a fast forward");
    try {
      await updateRef(gitDir, ref, sha, current);
    } catch {
      // The ref moved between the check and the update: GitHub refuses the update the same way.
      throw new GitHubError(422, "Reference cannot be updated");
    }
    await ctx.hooks.refUpdated({ repo, ref, before: current, after: sha, forced: force, pusher: c.get("user") });
    return c.json(refJson(ctx, repo, ref, sha));
  });

  app.delete("/repos/:owner/:repo/git/refs/:ref{.+}", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const gitDir = repoGitDir(ctx, repo);
    const ref = `refs/${c.req.param("ref").replace(/^refs\//, "")}`;
    const current = (await refExists(gitDir, ref)) ? await resolveRef(gitDir, ref) : null;
    if (!current) throw new GitHubError(422, "Reference does not exist");
    await deleteRef(gitDir, ref);
    await ctx.hooks.refUpdated({ repo, ref, before: current, after: null, forced: false, pusher: c.get("user") });
    return c.body(null, 204);
  });
}

async function refExists(gitDir: string, ref: string): Promise<boolean> {
  return (await listRefs(gitDir, ref)).some((r) => r.ref === ref);
}

function person(value: unknown, fallback: { name: string; email: string; date: string }) {
  if (!value || typeof value !== "object") return fallback;
  const v = value as Record<string, unknown>;
  return {
    name: typeof v.name === "string" ? v.name : fallback.name,
    email: typeof v.email === "string" ? v.email : fallback.email,
    date: typeof v.date === "string" ? v.date : fallback.date,
  };
}
