// Actions in GitHub's shapes: workflows, runs and jobs. The REST and webhook forms of a run differ in
// a few fields (webhooks carry a closed field set), so both are built from one core.
import { apiUrl, fullName, repoGitDir, userById, type SimContext } from "../core/context";
import { readCommit } from "../git/objects";
import type { SimJob, SimRepo, SimRun, SimWorkflow } from "../store/state";
import { nodeId } from "./node-id";
import { simpleUserJson } from "./user-json";

const repoApi = (ctx: SimContext, repo: SimRepo) => `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}`;
const repoHtml = (ctx: SimContext, repo: SimRepo) => `${ctx.baseUrl}/${fullName(ctx, repo)}`;

export function workflowJson(ctx: SimContext, repo: SimRepo, wf: SimWorkflow) {
  return {
    id: wf.id,
    node_id: nodeId("Workflow", wf.id),
    name: wf.name,
    path: wf.path,
    state: wf.state,
    created_at: wf.createdAt,
    updated_at: wf.updatedAt,
    url: `${repoApi(ctx, repo)}/actions/workflows/${wf.id}`,
    html_url: `${repoHtml(ctx, repo)}/blob/${repo.defaultBranch}/${wf.path}`,
    badge_url: `${repoHtml(ctx, repo)}/workflows/${encodeURIComponent(wf.name)}/badge.svg`,
  };
}

/** The minimal repository GitHub nests in runs. */
export function minimalRepoJson(ctx: SimContext, repo: SimRepo, full: Record<string, unknown>) {
  const { id, node_id, name, full_name, private: isPrivate, owner, html_url, description, fork, url } = full as Record<string, unknown>;
  void ctx;
  void repo;
  return { id, node_id, name, full_name, private: isPrivate, owner, html_url, description, fork, url, ...urlFields(full) };
}

function urlFields(full: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(full).filter(([k]) => k.endsWith("_url") && k !== "html_url" && !["git_url", "ssh_url", "clone_url", "svn_url", "mirror_url"].includes(k)));
}

async function headCommit(ctx: SimContext, repo: SimRepo, sha: string) {
  const commit = await readCommit(repoGitDir(ctx, repo), sha);
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message.trimEnd(),
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

function pullRequestsOf(ctx: SimContext, repo: SimRepo, run: SimRun) {
  const api = repoApi(ctx, repo);
  return run.pullRequestNumbers.flatMap((number) => {
    const pull = ctx.store.state.pulls.find((p) => p.repoId === repo.id && p.number === number);
    if (!pull) return [];
    const side = (ref: string, sha: string) => ({ ref, sha, repo: { id: repo.id, url: api, name: repo.name } });
    return [{ id: pull.id, number, url: `${api}/pulls/${number}`, head: side(pull.headRef, run.headSha), base: side(pull.baseRef, run.headSha) }];
  });
}

export async function runJson(ctx: SimContext, repo: SimRepo, run: SimRun, repository: Record<string, unknown>) {
  const api = `${repoApi(ctx, repo)}/actions/runs/${run.id}`;
  const minimal = minimalRepoJson(ctx, repo, repository);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId("WorkflowRun", run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id,
    check_suite_node_id: nodeId("CheckSuite", run.id),
    url: api,
    html_url: `${repoHtml(ctx, repo)}/actions/runs/${run.id}`,
    pull_requests: pullRequestsOf(ctx, repo, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: simpleUserJson(ctx, userById(ctx, run.actorId)),
    triggering_actor: simpleUserJson(ctx, userById(ctx, run.triggeringActorId)),
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: run.runStartedAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi(ctx, repo)}/check-suites/${run.id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${api}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${repoApi(ctx, repo)}/actions/workflows/${run.workflowId}`,
    head_commit: await headCommit(ctx, repo, run.headSha),
    repository: minimal,
    head_repository: minimal,
  };
}

export function jobJson(ctx: SimContext, repo: SimRepo, run: SimRun, job: SimJob) {
  return {
    id: job.id,
    run_id: run.id,
    workflow_name: run.name,
    head_branch: run.headBranch,
    run_url: `${repoApi(ctx, repo)}/actions/runs/${run.id}`,
    run_attempt: job.runAttempt,
    node_id: nodeId("CheckRun", job.id),
    head_sha: run.headSha,
    url: `${repoApi(ctx, repo)}/actions/jobs/${job.id}`,
    html_url: `${repoHtml(ctx, repo)}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: s.startedAt,
      completed_at: s.completedAt,
    })),
    check_run_url: `${repoApi(ctx, repo)}/check-runs/${job.id}`,
    labels: ["ubuntu-latest"],
    runner_id: job.runnerName ? 1 : null,
    runner_name: job.runnerName,
    runner_group_id: job.runnerName ? 1 : null,
    runner_group_name: job.runnerName ? "Default" : null,
  };
}
