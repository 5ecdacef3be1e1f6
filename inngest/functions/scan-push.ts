// infraflow/push.received → the security scan of the pushed commit (runbook §4.4), beside healing:
// only monitored repositories; the changed files fetched and scanned in one step (reads only), the
// findings stored once per commit (idempotent), then a live event on security-events.
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { serviceGitHubClient } from "@/server/github/octokit";
import { logger } from "@/server/logger";
import { publishLive } from "@/server/realtime/live";
import { scanPush } from "@/server/security/scan-push";
import { isRepoMonitored, storeScanResults } from "@/server/security/store-scan-results";
import { pushReceived } from "../events";
import { defineWorkflow } from "../workflow";

export const scanPushWorkflow = defineWorkflow({ id: "scan-push", trigger: pushReceived }, async ({ event, step }) => {
  const log = logger("security-scanner");
  const { repoFullName, branch, before, after, changedFiles } = event.data;
  log.info({ repo: repoFullName, commit: after, deliveryId: event.data.deliveryId }, `Consumed push event for repo: ${repoFullName}`);

  const monitored = await step.run("check-monitored", () => isRepoMonitored(db(), repoFullName));
  if (!monitored) {
    log.info({ repo: repoFullName }, "Ignoring push to a repository that is not monitored");
    return { outcome: "not-monitored" };
  }

  const scan = await step.run("scan-commit", () => {
    const e = env();
    return scanPush(serviceGitHubClient(), log, {
      repoFullName, before, after, changedFiles,
      maxFiles: e.SECURITY_SCAN_MAX_FILES, maxFileBytes: e.SECURITY_SCAN_MAX_FILE_BYTES,
      osv: e.OSV_ENABLED ? { baseUrl: e.OSV_API_URL, timeoutMs: e.OSV_TIMEOUT_MS } : null,
    });
  });
  for (const n of scan.notes) log.info({ repo: repoFullName, commit: after, file: n.file }, `Security scan note: ${n.message}`);

  const stored = await step.run("store-findings", () =>
    storeScanResults(db(), { repoFullName, commitSha: after, branch, filesScanned: scan.filesScanned, findings: scan.findings, notes: scan.notes }),
  );
  log.info({ repo: repoFullName, commit: after, findings: scan.findings.length, inserted: stored.inserted }, `Security scan found ${scan.findings.length} findings in ${repoFullName}@${after.slice(0, 7)}`);

  await step.run("announce-scan", () => publishLive("security-events", "security-scan.completed", { id: after, repoFullName }));
  return { outcome: "scanned", filesScanned: scan.filesScanned, findings: scan.findings.length, inserted: stored.inserted };
});
