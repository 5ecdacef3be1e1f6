// JSON shapes of healing sessions (runbook §6 HealingSession, FixPlan, AuditLogEntry).
import type { FixAuditLog, HealingSession } from "@/generated/prisma/client";

export function toSessionSummaryDto(s: HealingSession) {
  return {
    id: s.id.toString(),
    pipelineEventId: s.pipelineEventId?.toString() ?? null,
    repoFullName: s.repoFullName,
    branch: s.branch,
    commitSha: s.commitSha,
    failureType: s.failureType,
    status: s.status,
    outcome: s.outcome,
    fixBranch: s.fixBranch,
    confidenceScore: s.confidenceScore === null ? null : Number(s.confidenceScore),
    attemptNumber: s.attemptNumber,
    source: s.source,
    needsReview: s.needsReview,
    decidedBy: s.decidedBy,
    demo: s.demo,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toSessionDetailDto(s: HealingSession) {
  return {
    ...toSessionSummaryDto(s),
    parentSessionId: s.parentSessionId?.toString() ?? null,
    feedback: s.feedback,
    signature: s.signature,
    errorExcerpt: s.errorExcerpt,
    pullRequestNumber: s.pullRequestNumber,
    pullRequestUrl: s.pullRequestUrl,
    failureReason: s.failureReason,
    hasFixPlan: s.fixPlan !== null,
    rejectionReason: s.rejectionReason,
    fixCommitSha: s.fixCommitSha,
    kbFixId: s.kbFixId,
    guardrailFindings: (s.guardrailFindings as unknown[] | null) ?? null,
    mttrSeconds: s.mttrSeconds,
    verifiedAt: s.verifiedAt?.toISOString() ?? null,
    llm: s.llmModel
      ? { model: s.llmModel, inputTokens: s.llmInputTokens, outputTokens: s.llmOutputTokens, costUsd: s.llmCostUsd === null ? null : Number(s.llmCostUsd) }
      : null,
  };
}

export function toAuditLogEntryDto(a: FixAuditLog) {
  return { id: a.id.toString(), sessionId: a.sessionId.toString(), actor: a.actor, action: a.action, details: a.details, createdAt: a.createdAt.toISOString() };
}

export type SessionSummaryDto = ReturnType<typeof toSessionSummaryDto>;
export type SessionDetailDto = ReturnType<typeof toSessionDetailDto>;
export type AuditLogEntryDto = ReturnType<typeof toAuditLogEntryDto>;
