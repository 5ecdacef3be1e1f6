// Stop Monitoring (runbook §3.3 step 6): forget the repository for this user and, when nobody else
// monitors it, remove every InfraFlow webhook of the repository: the stored one and any other pointing
// at InfraFlow (normalised URL), so no stray hook keeps delivering.
import type { Logger } from "pino";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubStatus, type GitHubClient } from "../github/octokit";
import { forgetHookSecret } from "../webhooks/verify-delivery";
import { infraflowHooks, type RepoHook } from "./infraflow-hooks";
import { splitRepoFullName } from "./repo-name";
import { webhookPayloadUrl } from "./webhook-settings";

export interface UnmonitorRepoOptions {
  db: Db;
  github: GitHubClient;
  log: Logger;
  userId: bigint;
  repoFullName: string;
  /** InfraFlow's public URL, to recognise its hooks; without it only the stored hook is removed. */
  appUrl?: string;
}

export async function unmonitorRepo(o: UnmonitorRepoOptions): Promise<{ webhookRemoved: boolean }> {
  const row = await o.db.monitoredRepo.findFirst({ where: { userId: o.userId, repoFullName: { equals: o.repoFullName, mode: "insensitive" } } });
  if (!row) throw new AppError("NOT_FOUND", `You are not monitoring ${o.repoFullName}`);
  const others = await o.db.monitoredRepo.count({ where: { repoFullName: row.repoFullName, id: { not: row.id } } });
  let webhookRemoved = false;
  if (others === 0) {
    webhookRemoved = await removeInfraFlowHooks(o, row.repoFullName, row.webhookId);
    await o.db.repoWebhook.deleteMany({ where: { repoFullName: row.repoFullName } });
  }
  await o.db.monitoredRepo.delete({ where: { id: row.id } });
  o.log.info({ repo: row.repoFullName, webhookRemoved }, `Stopped monitoring repository ${row.repoFullName}`);
  return { webhookRemoved };
}

async function removeInfraFlowHooks(o: UnmonitorRepoOptions, fullName: string, rowHookId: bigint | null): Promise<boolean> {
  const { owner, repo } = splitRepoFullName(fullName);
  const storedHookId = (await o.db.repoWebhook.findUnique({ where: { repoFullName: fullName } }))?.hookId ?? rowHookId;
  let hooks: Pick<RepoHook, "id">[];
  try {
    hooks = await infraflowHooks(o.github, { owner, repo }, { payloadUrl: o.appUrl && webhookPayloadUrl(o.appUrl), storedHookId });
  } catch (err) {
    // Hooks cannot be listed (no admin right left): remove at least the one InfraFlow stored.
    if (githubStatus(err) !== 403 && githubStatus(err) !== 404) throw upstream(err);
    hooks = storedHookId !== null ? [{ id: Number(storedHookId) }] : [];
  }
  let removed = false;
  for (const hook of hooks) {
    try {
      await o.github.rest.repos.deleteWebhook({ owner, repo, hook_id: hook.id });
      forgetHookSecret(hook.id);
      removed = true;
    } catch (err) {
      // Already deleted on GitHub: the goal is reached.
      if (githubStatus(err) !== 404) throw upstream(err);
    }
  }
  return removed;
}

function upstream(err: unknown): AppError {
  return new AppError("UPSTREAM", `GitHub could not remove the webhook: ${(err as Error).message}`, { cause: err });
}
