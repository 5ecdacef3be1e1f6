// What fix generation needs about a session's failure (FailureToHeal), and the attempts before it, read
// from the session chain: a re-code is a child of the attempt it replaces, with the feedback that led to it.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { fixPlanSchema } from "./fix-plan";
import type { FailureToHeal, PreviousAttempt } from "./generate/types";
import { unifiedDiffOf } from "./unified-diff";

export async function readFailureToHeal(db: Db, sessionId: bigint): Promise<FailureToHeal> {
  const s = await db.healingSession.findUnique({ where: { id: sessionId }, include: { pipelineEvent: true } });
  if (!s) throw new AppError("NOT_FOUND", `Healing session ${sessionId} does not exist`);
  return {
    repoFullName: s.repoFullName,
    branch: s.branch,
    commitSha: s.commitSha,
    failureType: s.failureType ?? "UNKNOWN",
    excerpt: s.errorExcerpt ?? "",
    signature: s.signature ?? "",
    signatureText: s.signatureText ?? "",
    job: null,
    step: null,
    workflowPath: null,
    runUrl: s.pipelineEvent?.runUrl ?? null,
    baseSha: null,
  };
}

/** The attempts before this session, oldest first; each carries the feedback (or CI failure) that ended it. */
export async function readPreviousAttempts(db: Db, sessionId: bigint): Promise<PreviousAttempt[]> {
  const chain = [];
  let current = await db.healingSession.findUnique({ where: { id: sessionId } });
  while (current?.parentSessionId) {
    const parent = await db.healingSession.findUnique({ where: { id: current.parentSessionId } });
    if (!parent) break;
    const plan = fixPlanSchema.safeParse(parent.fixPlan);
    chain.unshift({
      attemptNumber: parent.attemptNumber,
      summary: plan.success ? plan.data.summary : null,
      feedback: current.feedback,
      failureReason: parent.failureReason ?? (parent.outcome === "FAILED" ? "CI failed on this fix" : parent.rejectionReason),
      diff: plan.success ? unifiedDiffOf(plan.data.changes) : null,
    });
    current = parent;
  }
  return chain;
}
