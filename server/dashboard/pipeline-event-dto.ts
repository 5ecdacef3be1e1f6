// The JSON shape of a pipeline event (runbook §6 PipelineEvent): ids as strings, dates as ISO text.
import type { PipelineEvent } from "@/generated/prisma/client";

export function toPipelineEventDto(e: PipelineEvent) {
  return {
    id: e.id.toString(),
    repoFullName: e.repoFullName,
    branch: e.branch,
    commitSha: e.commitSha,
    workflowName: e.workflowName,
    status: e.status,
    conclusion: e.conclusion,
    runId: e.runId.toString(),
    runAttempt: e.runAttempt,
    runUrl: e.runUrl,
    failureType: e.failureType,
    errorMessage: e.errorMessage,
    flaky: e.flaky,
    healingSessionId: e.healingSessionId?.toString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export type PipelineEventDto = ReturnType<typeof toPipelineEventDto>;

/** A pipeline run: its latest attempt's fields, and every attempt of it, oldest first. */
export function toPipelineRunDto(latest: PipelineEvent, attempts: PipelineEvent[]) {
  return {
    ...toPipelineEventDto(latest),
    attemptCount: attempts.length,
    attempts: attempts.map((a) => ({
      id: a.id.toString(), runAttempt: a.runAttempt, status: a.status, conclusion: a.conclusion, failureType: a.failureType, flaky: a.flaky,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

export type PipelineRunDto = ReturnType<typeof toPipelineRunDto>;
