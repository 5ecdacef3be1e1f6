// Actions REST: workflows, runs, jobs, logs (302 to a signed download), re-runs and dispatch.
import type { Hono } from "hono";
import type { ActionsService } from "../../actions/actions-service";
import { resolveRef } from "../../git/refs";
import { repoGitDir, type SimContext } from "../../core/context";
import { jobJson, runJson, workflowJson } from "../../json/actions-json";
import { repoJson } from "../../json/repo-json";
import type { SimRepo, SimRun } from "../../store/state";
import { GitHubError, invalid, notFound } from "../github-error";
import { paginate, pathRepo, readJson, requireAdmin, type ApiContext, type ApiEnv } from "../route-helpers";
import { signedLogUrl } from "../signed-log-url";

export function actionRoutes(ctx: SimContext, app: Hono<ApiEnv>, actions: ActionsService): void {
  app.get("/repos/:owner/:repo/actions/workflows", (c) => {
    const repo = pathRepo(ctx, c);
    const workflows = ctx.store.state.workflows.filter((w) => w.repoId === repo.id);
    return c.json({ total_count: workflows.length, workflows: paginate(c, workflows).map((w) => workflowJson(ctx, repo, w)) });
  });

  app.get("/repos/:owner/:repo/actions/workflows/:id", (c) => {
    const repo = pathRepo(ctx, c);
    return c.json(workflowJson(ctx, repo, findWorkflow(repo, c.req.param("id"))));
  });

  app.post("/repos/:owner/:repo/actions/workflows/:id/dispatches", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const workflow = findWorkflow(repo, c.req.param("id"));
    const body = await readJson(c);
    if (typeof body.ref !== "string" || body.ref === "") throw invalid("Workflow", "ref", "missing_field");
    const branch = body.ref.replace(/^refs\/heads\//, "");
    const sha = await resolveRef(repoGitDir(ctx, repo), `refs/heads/${branch}`);
    if (!sha) throw new GitHubError(422, `No ref found for: ${body.ref}`);
    const inputs = Object.fromEntries(Object.entries((body.inputs ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    const runs = await actions.trigger({ repo, event: "workflow_dispatch", branch, sha, actor: c.get("user"), inputs, workflowId: workflow.id });
    if (runs.length === 0) throw new GitHubError(422, "Workflow does not have 'workflow_dispatch' trigger");
    return c.body(null, 204);
  });

  const listRuns = async (c: ApiContext, repo: SimRepo, workflowId?: number) => {
    const q = (k: string) => c.req.query(k);
    const completedStates = ["success", "failure", "cancelled", "skipped", "timed_out"];
    const runs = ctx.store.state.runs
      .filter((r) => r.repoId === repo.id && (workflowId === undefined || r.workflowId === workflowId))
      .filter((r) => !q("branch") || r.headBranch === q("branch"))
      .filter((r) => !q("event") || r.event === q("event"))
      .filter((r) => !q("head_sha") || r.headSha === q("head_sha"))
      .filter((r) => !q("status") || r.status === q("status") || (completedStates.includes(q("status")!) && r.conclusion === q("status")))
      .sort((a, b) => b.id - a.id);
    const full = repoJson(ctx, repo);
    return c.json({ total_count: runs.length, workflow_runs: await Promise.all(paginate(c, runs).map((r) => runJson(ctx, repo, r, full))) });
  };

  app.get("/repos/:owner/:repo/actions/runs", (c) => listRuns(c, pathRepo(ctx, c)));
  app.get("/repos/:owner/:repo/actions/workflows/:id/runs", (c) => {
    const repo = pathRepo(ctx, c);
    return listRuns(c, repo, findWorkflow(repo, c.req.param("id")).id);
  });

  app.get("/repos/:owner/:repo/actions/runs/:run", async (c) => {
    const { repo, run } = findRun(c);
    return c.json(await runJson(ctx, repo, run, repoJson(ctx, repo)));
  });

  app.get("/repos/:owner/:repo/actions/runs/:run/jobs", (c) => {
    const { repo, run } = findRun(c);
    const jobs = c.req.query("filter") === "all" ? ctx.store.state.jobs.filter((j) => j.runId === run.id) : actions.jobsOf(run);
    return c.json({ total_count: jobs.length, jobs: paginate(c, jobs).map((j) => jobJson(ctx, repo, run, j)) });
  });

  app.get("/repos/:owner/:repo/actions/runs/:run/attempts/:attempt/jobs", (c) => {
    const { repo, run } = findRun(c);
    const jobs = actions.jobsOf(run, Number(c.req.param("attempt")));
    return c.json({ total_count: jobs.length, jobs: paginate(c, jobs).map((j) => jobJson(ctx, repo, run, j)) });
  });

  app.get("/repos/:owner/:repo/actions/jobs/:job", (c) => {
    const { repo, run, job } = findJob(c);
    return c.json(jobJson(ctx, repo, run, job));
  });

  app.get("/repos/:owner/:repo/actions/jobs/:job/logs", (c) => {
    const { job } = findJob(c);
    return c.redirect(signedLogUrl(ctx, "job", job.id), 302);
  });

  app.get("/repos/:owner/:repo/actions/runs/:run/logs", (c) => {
    const { run } = findRun(c);
    return c.redirect(signedLogUrl(ctx, "run", run.id), 302);
  });

  app.post("/repos/:owner/:repo/actions/runs/:run/rerun", async (c) => rerun(c, false));
  app.post("/repos/:owner/:repo/actions/runs/:run/rerun-failed-jobs", async (c) => rerun(c, true));

  async function rerun(c: ApiContext, onlyFailed: boolean) {
    const { repo, run } = findRun(c);
    requireAdmin(ctx, c, repo);
    if (run.status !== "completed") throw new GitHubError(403, "This workflow run is not completed");
    if (onlyFailed && run.conclusion === "success") throw new GitHubError(403, "This workflow run has no failed jobs");
    await actions.rerun(run, onlyFailed, c.get("user"));
    return c.json({}, 201);
  }

  function findWorkflow(repo: SimRepo, id: string) {
    const workflow = ctx.store.state.workflows.find((w) => w.repoId === repo.id && (String(w.id) === id || w.path === `.github/workflows/${id}`));
    if (!workflow) throw notFound();
    return workflow;
  }

  function findRun(c: ApiContext): { repo: SimRepo; run: SimRun } {
    const repo = pathRepo(ctx, c);
    const run = ctx.store.state.runs.find((r) => r.repoId === repo.id && r.id === Number(c.req.param("run")));
    if (!run) throw notFound();
    return { repo, run };
  }

  function findJob(c: ApiContext) {
    const repo = pathRepo(ctx, c);
    const job = ctx.store.state.jobs.find((j) => j.id === Number(c.req.param("job")));
    const run = job && ctx.store.state.runs.find((r) => r.id === job.runId && r.repoId === repo.id);
    if (!job || !run) throw notFound();
    return { repo, run, job };
  }
}
