// What follows a push or a pull request change: the webhook deliveries and the workflow runs GitHub
// would start for it.
import type { ActionsService } from "../actions/actions-service";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import { pullRequestPayload, pushPayload } from "../webhooks/payloads";
import type { SimPull } from "../store/state";
import { repoGitDir, userById, type RefUpdate, type SimContext } from "./context";
import { resolveRef } from "../git/refs";

export function createEventHandlers(ctx: SimContext, webhooks: WebhookDispatcher, actions: ActionsService) {
  async function refUpdated(update: RefUpdate): Promise<void> {
    const { repo } = update;
    repo.pushedAt = ctx.now();
    ctx.store.changed();
    webhooks.emit(repo, "push", await pushPayload(ctx, repo, update));
    if (!update.after || !update.ref.startsWith("refs/heads/")) return;
    const branch = update.ref.slice("refs/heads/".length);
    await actions.trigger({ repo, event: "push", branch, sha: update.after, actor: update.pusher });
    if (!update.before) return;
    for (const pull of ctx.store.state.pulls) {
      if (pull.repoId !== repo.id || pull.state !== "open" || pull.headRef !== branch) continue;
      pull.updatedAt = ctx.now();
      webhooks.emit(repo, "pull_request", await pullRequestPayload(ctx, repo, pull, "synchronize", update.pusher, { before: update.before, after: update.after }));
      await runPullRequestWorkflows(pull, update.after);
    }
  }

  async function pullRequestChanged(pull: SimPull, action: "opened" | "closed" | "reopened" | "edited"): Promise<void> {
    const repo = ctx.store.state.repos.find((r) => r.id === pull.repoId)!;
    const sender = userById(ctx, pull.userId);
    webhooks.emit(repo, "pull_request", await pullRequestPayload(ctx, repo, pull, action, sender));
    if (action === "opened" || action === "reopened") {
      const head = await resolveRef(repoGitDir(ctx, repo), `refs/heads/${pull.headRef}`);
      if (head) await runPullRequestWorkflows(pull, head);
    }
  }

  async function runPullRequestWorkflows(pull: SimPull, headSha: string): Promise<void> {
    const repo = ctx.store.state.repos.find((r) => r.id === pull.repoId)!;
    // pull_request filters match the base branch; the run is reported on the head branch.
    await actions.trigger({ repo, event: "pull_request", branch: pull.headRef, filterBranch: pull.baseRef, sha: headSha, actor: userById(ctx, pull.userId), pullNumbers: [pull.number] });
  }

  return { refUpdated, pullRequestChanged };
}
