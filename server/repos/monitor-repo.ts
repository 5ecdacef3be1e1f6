// Monitor (runbook §3.3 step 4): remember the repository and, when the user may, make sure it has exactly
// one InfraFlow webhook: the hooks already pointing at InfraFlow (however the URL was spelled) are
// reconciled into one, with InfraFlow's events and the repository's own secret; otherwise return the
// settings for adding the hook by hand.
import type { Logger } from "pino";
import { refreshRepoAccess } from "../access";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubStatus, type GitHubClient } from "../github/octokit";
import { forgetHookSecret } from "../webhooks/verify-delivery";
import { newWebhookSecret, openWebhookSecret, sealWebhookSecret } from "../webhooks/webhook-secret";
import { infraflowHooks } from "./infraflow-hooks";
import { splitRepoFullName } from "./repo-name";
import { manualWebhookSettings, WEBHOOK_EVENTS, webhookPayloadUrl, type ManualWebhookSettings } from "./webhook-settings";

export interface MonitorRepoOptions {
  db: Db;
  github: GitHubClient;
  log: Logger;
  userId: bigint;
  repoFullName: string;
  /** Public base URL of this InfraFlow, which GitHub will call (server/http/app-url.ts). */
  appUrl: string;
}

export type WebhookOutcome = { installed: true; id: string } | { installed: false; reason: string; manual: ManualWebhookSettings };

export async function monitorRepo(o: MonitorRepoOptions) {
  const { owner, repo } = splitRepoFullName(o.repoFullName);
  const info = await o.github.rest.repos.get({ owner, repo }).catch(async (err: unknown) => {
    // GitHub no longer shows it to this user: forget the cached access answer (server/access).
    if (githubStatus(err) === 404 || githubStatus(err) === 403) await refreshRepoAccess({ id: o.userId }, o.repoFullName);
    if (githubStatus(err) === 404) throw new AppError("NOT_FOUND", `Repository ${o.repoFullName} does not exist or you cannot access it`);
    throw new AppError("UPSTREAM", `GitHub could not be asked about ${o.repoFullName}: ${(err as Error).message}`, { cause: err });
  });
  const fullName = info.data.full_name;
  const webhook = await reconcileWebhook(o, fullName, info.data.permissions?.admin ?? false);
  const row = await o.db.monitoredRepo.upsert({
    where: { userId_repoFullName: { userId: o.userId, repoFullName: fullName } },
    create: { userId: o.userId, repoFullName: fullName, repoUrl: info.data.html_url, webhookId: webhook.installed ? BigInt(webhook.id) : null },
    update: { repoUrl: info.data.html_url, ...(webhook.installed && { webhookId: BigInt(webhook.id) }) },
  });
  o.log.info({ repo: row.repoFullName, webhook: webhook.installed }, `Monitoring repository ${row.repoFullName}`);
  return { repoFullName: row.repoFullName, repoUrl: row.repoUrl, webhook };
}

async function reconcileWebhook(o: MonitorRepoOptions, fullName: string, isAdmin: boolean): Promise<WebhookOutcome> {
  const manual = (reason: string): WebhookOutcome => ({ installed: false, reason, manual: manualWebhookSettings(o.appUrl) });
  if (!isAdmin) return manual("You are not an administrator of this repository, so InfraFlow cannot add the webhook for you");
  const { owner, repo } = splitRepoFullName(fullName);
  const url = webhookPayloadUrl(o.appUrl);
  try {
    const stored = await o.db.repoWebhook.findUnique({ where: { repoFullName: fullName } });
    const hooks = await infraflowHooks(o.github, { owner, repo }, { payloadUrl: url, storedHookId: stored?.hookId });
    const keep = hooks.find((h) => BigInt(h.id) === stored?.hookId) ?? hooks[0];
    // GitHub never shows a hook's secret: keep ours when the kept hook is the stored one, else make a new one.
    const secret = keep && stored && BigInt(keep.id) === stored.hookId ? openWebhookSecret(stored.secret) : newWebhookSecret();
    const config = { url, content_type: "json" as const, secret, insecure_ssl: "0" };
    const remember = (hookId: number) => {
      forgetHookSecret(hookId);
      return o.db.repoWebhook.upsert({
        where: { repoFullName: fullName },
        create: { repoFullName: fullName, hookId: BigInt(hookId), secret: sealWebhookSecret(secret), payloadUrl: url },
        update: { hookId: BigInt(hookId), secret: sealWebhookSecret(secret), payloadUrl: url },
      });
    };
    let hookId: number;
    if (keep) {
      hookId = keep.id;
      await remember(hookId); // before GitHub signs with the new secret, so no delivery meets an unknown one
      await o.github.rest.repos.updateWebhook({ owner, repo, hook_id: hookId, config, events: [...WEBHOOK_EVENTS], active: true });
    } else {
      // Created inactive, so GitHub's ping on creation does not arrive before InfraFlow knows the secret.
      hookId = (await o.github.rest.repos.createWebhook({ owner, repo, config, events: [...WEBHOOK_EVENTS], active: false })).data.id;
      await remember(hookId);
      await o.github.rest.repos.updateWebhook({ owner, repo, hook_id: hookId, active: true });
    }
    for (const extra of hooks.filter((h) => h.id !== hookId)) {
      await o.github.rest.repos.deleteWebhook({ owner, repo, hook_id: extra.id }).catch((err: unknown) => {
        if (githubStatus(err) !== 404) throw err;
      });
      o.log.info({ repo: fullName, hookId: extra.id, url: extra.config.url }, "Removed a duplicate InfraFlow webhook");
    }
    return { installed: true, id: String(hookId) };
  } catch (err) {
    const status = githubStatus(err);
    if (status === 403 || status === 404 || status === 422) return manual(`GitHub refused to set up the webhook (HTTP ${status}): ${(err as Error).message}`);
    throw new AppError("UPSTREAM", `GitHub could not set up the webhook: ${(err as Error).message}`, { cause: err });
  }
}
