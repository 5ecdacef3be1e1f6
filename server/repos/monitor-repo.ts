// Monitor (runbook §3.3 step 4): remember the repository and, when the user may, install InfraFlow's
// webhook through the API (reusing one already pointing at us); otherwise return the manual settings.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubStatus, type GitHubClient } from "../github/octokit";
import type { Logger } from "pino";
import { splitRepoFullName } from "./repo-name";
import { manualWebhookSettings, WEBHOOK_EVENTS, webhookPayloadUrl, type ManualWebhookSettings } from "./webhook-settings";

export interface MonitorRepoOptions {
  db: Db;
  github: GitHubClient;
  log: Logger;
  userId: bigint;
  repoFullName: string;
  /** Public base URL of this InfraFlow, which GitHub will call. */
  appUrl: string;
  webhookSecret: string | undefined;
}

export type WebhookOutcome = { installed: true; id: string } | { installed: false; reason: string; manual: ManualWebhookSettings };

export async function monitorRepo(o: MonitorRepoOptions) {
  const { owner, repo } = splitRepoFullName(o.repoFullName);
  const info = await o.github.rest.repos.get({ owner, repo }).catch((err: unknown) => {
    if (githubStatus(err) === 404) throw new AppError("NOT_FOUND", `Repository ${o.repoFullName} does not exist or you cannot access it`);
    throw new AppError("UPSTREAM", `GitHub could not be asked about ${o.repoFullName}: ${(err as Error).message}`, { cause: err });
  });
  const webhook = await installWebhook(o, owner, repo, info.data.permissions?.admin ?? false);
  const row = await o.db.monitoredRepo.upsert({
    where: { userId_repoFullName: { userId: o.userId, repoFullName: info.data.full_name } },
    create: { userId: o.userId, repoFullName: info.data.full_name, repoUrl: info.data.html_url, webhookId: webhook.installed ? BigInt(webhook.id) : null },
    update: { repoUrl: info.data.html_url, ...(webhook.installed && { webhookId: BigInt(webhook.id) }) },
  });
  o.log.info({ repo: row.repoFullName, webhook: webhook.installed }, `Monitoring repository ${row.repoFullName}`);
  return { repoFullName: row.repoFullName, repoUrl: row.repoUrl, webhook };
}

async function installWebhook(o: MonitorRepoOptions, owner: string, repo: string, isAdmin: boolean): Promise<WebhookOutcome> {
  const manual = (reason: string): WebhookOutcome => ({ installed: false, reason, manual: manualWebhookSettings(o.appUrl) });
  if (!o.webhookSecret) return manual("InfraFlow has no WEBHOOK_SECRET configured, so it will not install an unsigned webhook");
  if (!isAdmin) return manual("You are not an administrator of this repository, so InfraFlow cannot add the webhook for you");
  const url = webhookPayloadUrl(o.appUrl);
  const config = { url, content_type: "json", secret: o.webhookSecret, insecure_ssl: "0" };
  try {
    const hooks = await o.github.paginate(o.github.rest.repos.listWebhooks, { owner, repo, per_page: 100 });
    const existing = hooks.find((h) => h.config.url === url);
    if (existing) {
      await o.github.rest.repos.updateWebhook({ owner, repo, hook_id: existing.id, config, events: [...WEBHOOK_EVENTS], active: true });
      return { installed: true, id: String(existing.id) };
    }
    const created = await o.github.rest.repos.createWebhook({ owner, repo, config, events: [...WEBHOOK_EVENTS], active: true });
    return { installed: true, id: String(created.data.id) };
  } catch (err) {
    const status = githubStatus(err);
    if (status === 403 || status === 404 || status === 422) return manual(`GitHub refused to create the webhook (HTTP ${status}): ${(err as Error).message}`);
    throw new AppError("UPSTREAM", `GitHub could not create the webhook: ${(err as Error).message}`, { cause: err });
  }
}
