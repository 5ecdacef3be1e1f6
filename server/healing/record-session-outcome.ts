// Verify (flow 3): CI finished on a session's auto-fix branch. The conclusion becomes the session's
// outcome once (a redelivered or repeated event changes nothing), with an audit entry, and tells the
// caller what the knowledge base has to learn from it.
import type { Db } from "../db/client";
import { AppError } from "../errors";
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
}

export async function recordSessionOutcome(db: Db, o: { sessionId: bigint; conclusion: string; fixBranch?: string }): Promise<RecordedSessionOutcome> {
  const session = await db.healingSession.findUnique({ where: { id: o.sessionId } });
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
  };
  const where = session.fixBranch ?? o.fixBranch ?? "its fix branch";
  if (outcome === null) {
    await db.fixAuditLog.create({ data: { sessionId: session.id, actor: "SYSTEM", action: "CI_INCONCLUSIVE", details: `CI on ${where} concluded ${o.conclusion}` } });
    return { ...base, changed: false };
  }
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: session.id, outcome: null }, data: { outcome } });
    if (count === 1) {
      await tx.fixAuditLog.create({
        data: { sessionId: session.id, actor: "SYSTEM", action: outcome === "SUCCEEDED" ? "CI_PASSED" : "CI_FAILED", details: `CI on ${where} concluded ${o.conclusion}` },
      });
    }
    return count === 1;
  });
  return { ...base, changed };
}
