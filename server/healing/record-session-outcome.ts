// Verify (flow 3): the verdict on the fix commit becomes the session's outcome once (a redelivered or
// repeated event changes nothing), with an audit entry, the MTTR (failure to green) on success, and tells
// the caller what the knowledge base has to learn from it (learn-from-outcome.ts, keyed by the session).
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { appendAudit } from "./audit";
import { fixPlanSchema, type FixPlan } from "./fix-plan";

export type SessionOutcome = "SUCCEEDED" | "FAILED";

/** success → SUCCEEDED; failure, timed_out, startup_failure → FAILED; anything else proves nothing. */
export function outcomeOfConclusion(conclusion: string): SessionOutcome | null {
  if (conclusion === "success") return "SUCCEEDED";
  if (["failure", "timed_out", "startup_failure"].includes(conclusion)) return "FAILED";
  return null;
}

export interface RecordedSessionOutcome {
  changed: boolean;
  outcome: SessionOutcome | null;
  repoFullName: string;
  kbFixId: string | null;
  failure: { failureType: string; signature: string; signatureText: string } | null;
  fixPlan: FixPlan | null;
  mttrSeconds: number | null;
}

export async function recordSessionOutcome(
  db: Db,
  o: { sessionId: bigint; conclusion: string; fixBranch?: string; completedAt?: Date; workflows?: string[] },
): Promise<RecordedSessionOutcome> {
  const session = await db.healingSession.findUnique({ where: { id: o.sessionId }, include: { pipelineEvent: true } });
  if (!session) throw new AppError("NOT_FOUND", `Healing session ${o.sessionId} does not exist`);
  const outcome = outcomeOfConclusion(o.conclusion);
  const parsedPlan = fixPlanSchema.safeParse(session.fixPlan);
  const base = {
    outcome,
    repoFullName: session.repoFullName,
    kbFixId: session.kbFixId,
    failure:
      session.failureType && session.signature && session.signatureText
        ? { failureType: session.failureType, signature: session.signature, signatureText: session.signatureText }
        : null,
    fixPlan: parsedPlan.success ? parsedPlan.data : null,
    mttrSeconds: session.mttrSeconds,
  };
  const where = session.fixBranch ?? o.fixBranch ?? "its fix branch";
  const which = o.workflows?.length ? ` (${o.workflows.join(", ")})` : "";
  if (outcome === null) {
    await appendAudit(db, session.id, "SYSTEM", "CI_INCONCLUSIVE", `CI on ${where}${which} concluded ${o.conclusion}`);
    return { ...base, changed: false };
  }
  const completedAt = o.completedAt ?? new Date();
  const failedAt = session.pipelineEvent?.runUpdatedAt ?? session.pipelineEvent?.createdAt ?? session.createdAt;
  const mttrSeconds = outcome === "SUCCEEDED" ? Math.max(0, Math.round((completedAt.getTime() - failedAt.getTime()) / 1000)) : null;
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: session.id, outcome: null }, data: { outcome, mttrSeconds, verifiedAt: completedAt } });
    if (count === 1) {
      const action = outcome === "SUCCEEDED" ? "CI_PASSED" : "CI_FAILED";
      const mttr = mttrSeconds === null ? "" : `; MTTR ${mttrSeconds} s from the failure to green CI`;
      await appendAudit(tx, session.id, "SYSTEM", action, `CI on ${where}${which} concluded ${o.conclusion}${mttr}`);
    }
    return count === 1;
  });
  const after = changed ? mttrSeconds : session.mttrSeconds;
  return { ...base, outcome: changed ? outcome : ((session.outcome as SessionOutcome | null) ?? outcome), changed, mttrSeconds: after };
}
