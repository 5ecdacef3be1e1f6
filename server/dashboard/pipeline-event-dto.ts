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
