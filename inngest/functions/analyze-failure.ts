// infraflow/pipeline.failed → analyse the failure; then either mark it pre-existing (not healed), or ask
// GitHub to re-run the failed jobs once, or start healing (heal-failure). The re-run's own workflow_run
// webhook comes back as a new event: a second failure is analysed again and goes on to healing, a pass
// marks the first one flaky. On the default branch nothing is pre-existing: a failure there is healed once
// per signature, and a repeat joins the open session (no re-run, never called flaky).
import { findPreexistingFailure, rerunFailedJobs, shouldRerunFailedJobs } from "@/server/analysis";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { serviceGitHubClient } from "@/server/github/octokit";
import { logger } from "@/server/logger";
import { analyzePipelineFailure } from "@/server/pipelines/analyze-pipeline-failure";
import { OPEN_SESSION } from "@/server/healing/open-or-join-session";
import { markPipelinePreexisting } from "@/server/pipelines/mark-flaky";
import { publishLive } from "@/server/realtime/live";
import { splitRepoFullName } from "@/server/repos/repo-name";
import { pipelineFailed } from "../events";
import { defineWorkflow } from "../workflow";

export const analyzeFailure = defineWorkflow({ id: "analyze-failure", trigger: pipelineFailed }, async ({ event, step }) => {
  const log = logger("healing-engine");
  const { repoFullName, runAttempt } = event.data;
  const pipelineEventId = BigInt(event.data.pipelineEventId);
  log.info({ pipelineEventId: event.data.pipelineEventId, runId: event.data.runId }, `Consumed pipeline event for repo: ${repoFullName}`);

  const analysis = await step.run("analyze-logs", () =>
    analyzePipelineFailure({
      db: db(), github: serviceGitHubClient(), log, pipelineEventId,
      maxLogBytes: env().ANALYSIS_MAX_LOG_BYTES, maxZipBytes: env().ANALYSIS_MAX_ZIP_BYTES,
    }),
  );
  await step.run("announce-analysis", () => publishLive("pipeline-events", "pipeline-event.analyzed", { id: pipelineEventId, repoFullName }));

  const onDefaultBranch = event.data.branch === analysis.defaultBranch;
  const preexisting = onDefaultBranch ? null : await step.run("check-default-branch", async () => {
    const found = await findPreexistingFailure({
      repoFullName, defaultBranch: analysis.defaultBranch, signature: analysis.signature,
      windowHours: env().ANALYSIS_PREEXISTING_WINDOW_HOURS, excludeRunId: BigInt(event.data.runId),
    });
    return found ? { runId: found.runId.toString(), commitSha: found.commitSha } : null;
  });
  if (preexisting) {
    await step.run("mark-preexisting", () => markPipelinePreexisting(db(), pipelineEventId));
    log.info({ pipelineEventId: event.data.pipelineEventId, defaultBranchRun: preexisting.runId }, "Failure also fails on the default branch: pre-existing, not healed");
    return { outcome: "pre-existing", analysis };
  }

  // A repeat of a failure whose session is still open joins it: re-running it would tell nothing new.
  const openSession = await step.run("find-open-session", async () => {
    const open = await db().healingSession.findFirst({ where: { repoFullName, branch: event.data.branch, signature: analysis.signature, ...OPEN_SESSION }, select: { id: true } });
    return open ? open.id.toString() : null;
  });

  if (!openSession && shouldRerunFailedJobs({ enabled: env().ANALYSIS_RERUN_FAILED_JOBS, runAttempt, preexisting: Boolean(preexisting) })) {
    await step.run("rerun-failed-jobs", async () => {
      const { owner, repo } = splitRepoFullName(repoFullName);
      await rerunFailedJobs(serviceGitHubClient(), { owner, repo, runId: Number(event.data.runId) });
    });
    log.info({ pipelineEventId: event.data.pipelineEventId }, "Re-running the failed jobs once to tell a flaky failure from a real one");
    return { outcome: "rerun-requested", analysis };
  }
  await step.sendEvent("start-healing", {
    name: "infraflow/heal.requested",
    id: `heal-${event.data.pipelineEventId}`,
    data: {
      pipelineEventId: event.data.pipelineEventId, repoFullName, branch: event.data.branch, commitSha: event.data.commitSha, runId: event.data.runId,
      failureType: analysis.failureType, signature: analysis.signature, signatureText: analysis.signatureText, excerpt: analysis.excerpt,
      job: analysis.job, step: analysis.step, defaultBranch: analysis.defaultBranch,
    },
  });
  return { outcome: openSession ? "joins-open-session" : "ready-to-heal", analysis, ...(openSession && { sessionId: openSession }) };
});
