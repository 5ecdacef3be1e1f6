// infraflow/pipeline.failed → analyse the failure; then either mark it flaky / pre-existing (not healed)
// or ask GitHub to re-run the failed jobs once. The re-run's own workflow_run webhook comes back as a new
// event: a second failure is analysed again and goes on to healing, a pass marks the first one flaky.
import { findPreexistingFailure, rerunFailedJobs, shouldRerunFailedJobs } from "@/server/analysis";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { serviceGitHubClient } from "@/server/github/octokit";
import { logger } from "@/server/logger";
import { analyzePipelineFailure } from "@/server/pipelines/analyze-pipeline-failure";
import { markPipelineFlaky } from "@/server/pipelines/mark-flaky";
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

  const preexisting = await step.run("check-default-branch", async () => {
    const found = await findPreexistingFailure({
      repoFullName, defaultBranch: analysis.defaultBranch, signature: analysis.signature,
      windowHours: env().ANALYSIS_PREEXISTING_WINDOW_HOURS, excludeRunId: BigInt(event.data.runId),
    });
    return found ? { runId: found.runId.toString(), commitSha: found.commitSha } : null;
  });
  if (preexisting) {
    await step.run("mark-preexisting", () => markPipelineFlaky(db(), pipelineEventId));
    log.info({ pipelineEventId: event.data.pipelineEventId, defaultBranchRun: preexisting.runId }, "Failure also fails on the default branch: pre-existing, not healed");
    return { outcome: "pre-existing", analysis };
  }

  if (shouldRerunFailedJobs({ enabled: env().ANALYSIS_RERUN_FAILED_JOBS, runAttempt, preexisting: Boolean(preexisting) })) {
    await step.run("rerun-failed-jobs", async () => {
      const { owner, repo } = splitRepoFullName(repoFullName);
      await rerunFailedJobs(serviceGitHubClient(), { owner, repo, runId: Number(event.data.runId) });
    });
    log.info({ pipelineEventId: event.data.pipelineEventId }, "Re-running the failed jobs once to tell a flaky failure from a real one");
    return { outcome: "rerun-requested", analysis };
  }
  return { outcome: "ready-to-heal", analysis };
});
