// Webhook payloads in the shapes of @octokit/webhooks-schemas (closed field sets).
import { apiUrl, fullName, repoGitDir, type SimContext } from "../core/context";
import { diffFiles } from "../git/diff-files";
import { readCommit } from "../git/objects";
import { commitsBetween, mergeBase } from "../git/refs";
import { jobJson, runJson, workflowJson } from "../json/actions-json";
import { hookJson } from "../json/hook-json";
import { pullJson } from "../json/pull-json";
import { webhookRepoJson } from "../json/repo-json";
import { simpleUserJson } from "../json/user-json";
import type { SimHook, SimJob, SimPull, SimRepo, SimRun, SimUser, SimWorkflow } from "../store/state";

export function pingPayload(ctx: SimContext, repo: SimRepo, hook: SimHook, sender: SimUser) {
  const { test_url: _test, last_response: _last, config, ...rest } = hookJson(ctx, repo, hook);
  void _test;
  void _last;
  return {
    zen: "Keep it logically awesome.",
    hook_id: hook.id,
    hook: {
      ...rest,
      test_url: `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}/hooks/${hook.id}/test`,
      config: { content_type: config.content_type, insecure_ssl: config.insecure_ssl, url: config.url },
      last_response: { code: null, status: "unused", message: null },
    },
    repository: webhookRepoJson(ctx, repo),
    sender: simpleUserJson(ctx, sender),
  };
}

export async function pushPayload(
  ctx: SimContext,
  repo: SimRepo,
  update: { ref: string; before: string | null; after: string | null; forced: boolean; pusher: SimUser },
) {
  const gitDir = repoGitDir(ctx, repo);
  const zero = "0".repeat(40);
  const shas = update.after ? await pushedCommits(gitDir, update.before, update.after) : [];
  const commits = await Promise.all(shas.map((sha) => pushCommit(ctx, repo, gitDir, sha)));
  const html = `${ctx.baseUrl}/${fullName(ctx, repo)}`;
  return {
    ref: update.ref,
    before: update.before ?? zero,
    after: update.after ?? zero,
    repository: webhookRepoJson(ctx, repo),
    pusher: { name: update.pusher.login, email: update.pusher.email },
    sender: simpleUserJson(ctx, update.pusher),
    created: update.before === null,
    deleted: update.after === null,
    forced: update.forced,
    base_ref: null,
    compare: update.before && update.after ? `${html}/compare/${update.before.slice(0, 12)}...${update.after.slice(0, 12)}` : `${html}/commit/${update.after ?? zero}`,
    commits,
    head_commit: commits.at(-1) ?? null,
  };
}

async function pushedCommits(gitDir: string, before: string | null, after: string): Promise<string[]> {
  if (!before) return [after];
  const base = await mergeBase(gitDir, before, after);
  return base ? (await commitsBetween(gitDir, base, after)).slice(-20) : [after];
}

async function pushCommit(ctx: SimContext, repo: SimRepo, gitDir: string, sha: string) {
  const commit = await readCommit(gitDir, sha);
  const files = await diffFiles(gitDir, commit.parents[0] ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904", sha);
  const person = (p: { name: string; email: string }) => ({ name: p.name, email: p.email });
  return {
    id: sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message.trimEnd(),
    timestamp: commit.committer.date,
    url: `${ctx.baseUrl}/${fullName(ctx, repo)}/commit/${sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    added: files.filter((f) => f.status === "added").map((f) => f.filename),
    removed: files.filter((f) => f.status === "removed").map((f) => f.filename),
    modified: files.filter((f) => f.status === "modified" || f.status === "renamed").map((f) => f.filename),
  };
}

export async function workflowRunPayload(ctx: SimContext, repo: SimRepo, run: SimRun, workflow: SimWorkflow, action: string, sender: SimUser) {
  const repository = webhookRepoJson(ctx, repo);
  const full = await runJson(ctx, repo, run, repository);
  return {
    action,
    workflow_run: full,
    workflow: workflowJson(ctx, repo, workflow),
    repository,
    sender: simpleUserJson(ctx, sender),
  };
}

export function workflowJobPayload(ctx: SimContext, repo: SimRepo, run: SimRun, job: SimJob, action: string, sender: SimUser) {
  return {
    action,
    workflow_job: jobJson(ctx, repo, run, job),
    repository: webhookRepoJson(ctx, repo),
    sender: simpleUserJson(ctx, sender),
  };
}

export async function pullRequestPayload(ctx: SimContext, repo: SimRepo, pull: SimPull, action: string, sender: SimUser, extra: Record<string, unknown> = {}) {
  return {
    action,
    number: pull.number,
    pull_request: await pullJson(ctx, repo, pull, "webhook"),
    ...extra,
    repository: webhookRepoJson(ctx, repo),
    sender: simpleUserJson(ctx, sender),
  };
}
