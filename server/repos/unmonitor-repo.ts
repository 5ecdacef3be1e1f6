// Stop Monitoring (runbook §3.3 step 6): remove the webhook InfraFlow installed (unless someone else still
// monitors the repository through it) and forget the repository for this user.
import type { Logger } from "pino";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubStatus, type GitHubClient } from "../github/octokit";
import { splitRepoFullName } from "./repo-name";

export async function unmonitorRepo(o: { db: Db; github: GitHubClient; log: Logger; userId: bigint; repoFullName: string }): Promise<{ webhookRemoved: boolean }> {
  const { owner, repo } = splitRepoFullName(o.repoFullName);
  const row = await o.db.monitoredRepo.findFirst({ where: { userId: o.userId, repoFullName: { equals: o.repoFullName, mode: "insensitive" } } });
  if (!row) throw new AppError("NOT_FOUND", `You are not monitoring ${o.repoFullName}`);
  let webhookRemoved = false;
  if (row.webhookId !== null) {
    const sharedWith = await o.db.monitoredRepo.count({ where: { repoFullName: row.repoFullName, webhookId: row.webhookId, id: { not: row.id } } });
    if (sharedWith === 0) {
      try {
        await o.github.rest.repos.deleteWebhook({ owner, repo, hook_id: Number(row.webhookId) });
        webhookRemoved = true;
      } catch (err) {
        // Already deleted on GitHub: the goal is reached.
        if (githubStatus(err) !== 404) throw new AppError("UPSTREAM", `GitHub could not remove the webhook: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  await o.db.monitoredRepo.delete({ where: { id: row.id } });
  o.log.info({ repo: row.repoFullName, webhookRemoved }, `Stopped monitoring repository ${row.repoFullName}`);
  return { webhookRemoved };
}
