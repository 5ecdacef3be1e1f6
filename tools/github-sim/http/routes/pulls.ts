// Pull requests (open, list, read, close) and issue comments on them.
import type { Hono } from "hono";
import { repoGitDir, type SimContext } from "../../core/context";
import { commitsBetween, resolveRef } from "../../git/refs";
import { issueCommentJson, pullJson } from "../../json/pull-json";
import type { SimPull } from "../../store/state";
import { GitHubError, invalid, notFound } from "../github-error";
import { optionalString, paginate, pathRepo, readJson, requireAdmin, requiredString, type ApiEnv } from "../route-helpers";

export interface PullEvents {
  pullRequestChanged(pull: SimPull, action: "opened" | "closed" | "reopened" | "edited"): Promise<void>;
}

export function pullRoutes(ctx: SimContext, app: Hono<ApiEnv>, events: PullEvents): void {
  app.post("/repos/:owner/:repo/pulls", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const body = await readJson(c);
    const title = requiredString(body, "title", "PullRequest");
    const headRef = requiredString(body, "head", "PullRequest").replace(/^[^:]+:/, "");
    const baseRef = requiredString(body, "base", "PullRequest");
    const gitDir = repoGitDir(ctx, repo);
    const head = await resolveRef(gitDir, `refs/heads/${headRef}`);
    const base = await resolveRef(gitDir, `refs/heads/${baseRef}`);
    if (!head) throw invalid("PullRequest", "head", "invalid");
    if (!base) throw invalid("PullRequest", "base", "invalid");
    if ((await commitsBetween(gitDir, base, head)).length === 0) {
      throw new GitHubError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `No commits between ${baseRef} and ${headRef}` }]);
    }
    const duplicate = ctx.store.state.pulls.find((p) => p.repoId === repo.id && p.state === "open" && p.headRef === headRef && p.baseRef === baseRef);
    if (duplicate) {
      throw new GitHubError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${c.req.param("owner")}:${headRef}.` }]);
    }
    const now = ctx.now();
    const pull: SimPull = {
      id: ctx.store.nextId(),
      repoId: repo.id,
      number: repo.nextNumber++,
      title,
      body: optionalString(body, "body", "PullRequest") ?? null,
      state: "open",
      headRef,
      baseRef,
      userId: c.get("user").id,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    ctx.store.state.pulls.push(pull);
    ctx.store.changed();
    await events.pullRequestChanged(pull, "opened");
    return c.json(await pullJson(ctx, repo, pull), 201);
  });

  app.get("/repos/:owner/:repo/pulls", async (c) => {
    const repo = pathRepo(ctx, c);
    const state = c.req.query("state") ?? "open";
    const head = c.req.query("head")?.replace(/^[^:]+:/, "");
    const base = c.req.query("base");
    const pulls = ctx.store.state.pulls
      .filter((p) => p.repoId === repo.id && (state === "all" || p.state === state))
      .filter((p) => (!head || p.headRef === head) && (!base || p.baseRef === base))
      .sort((a, b) => b.number - a.number);
    return c.json(await Promise.all(paginate(c, pulls).map((p) => pullJson(ctx, repo, p))));
  });

  app.get("/repos/:owner/:repo/pulls/:number", async (c) => {
    const repo = pathRepo(ctx, c);
    return c.json(await pullJson(ctx, repo, findPull(repo.id, c.req.param("number"))));
  });

  app.patch("/repos/:owner/:repo/pulls/:number", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const pull = findPull(repo.id, c.req.param("number"));
    const body = await readJson(c);
    const title = optionalString(body, "title", "PullRequest");
    const text = optionalString(body, "body", "PullRequest");
    const state = optionalString(body, "state", "PullRequest");
    if (state && state !== "open" && state !== "closed") throw invalid("PullRequest", "state", "invalid");
    if (title !== undefined) pull.title = title;
    if (text !== undefined) pull.body = text;
    const before = pull.state;
    if (state) pull.state = state as SimPull["state"];
    pull.closedAt = pull.state === "closed" ? (pull.closedAt ?? ctx.now()) : null;
    pull.updatedAt = ctx.now();
    ctx.store.changed();
    const action = before === pull.state ? "edited" : pull.state === "closed" ? "closed" : "reopened";
    await events.pullRequestChanged(pull, action);
    return c.json(await pullJson(ctx, repo, pull));
  });

  app.post("/repos/:owner/:repo/issues/:number/comments", async (c) => {
    const repo = pathRepo(ctx, c);
    const number = Number(c.req.param("number"));
    if (!ctx.store.state.pulls.some((p) => p.repoId === repo.id && p.number === number)) throw notFound();
    const body = requiredString(await readJson(c), "body", "IssueComment");
    const now = ctx.now();
    const comment = { id: ctx.store.nextId(), repoId: repo.id, issueNumber: number, body, userId: c.get("user").id, createdAt: now, updatedAt: now };
    ctx.store.state.issueComments.push(comment);
    ctx.store.changed();
    return c.json(issueCommentJson(ctx, repo, comment), 201);
  });

  app.get("/repos/:owner/:repo/issues/:number/comments", (c) => {
    const repo = pathRepo(ctx, c);
    const number = Number(c.req.param("number"));
    const comments = ctx.store.state.issueComments.filter((x) => x.repoId === repo.id && x.issueNumber === number);
    return c.json(paginate(c, comments).map((x) => issueCommentJson(ctx, repo, x)));
  });

  function findPull(repoId: number, number: string): SimPull {
    const pull = ctx.store.state.pulls.find((p) => p.repoId === repoId && p.number === Number(number));
    if (!pull) throw notFound();
    return pull;
  }
}
