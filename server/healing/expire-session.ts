// A proposal nobody decided on expires: it stops holding its failure (a repeat then opens a fresh session
// instead of joining a stale one). Only an undecided PENDING_APPROVAL session expires.
import type { Db } from "../db/client";
import { appendAudit } from "./audit";

export async function expireSession(db: Db, o: { sessionId: bigint; ttlHours: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const reason = `No decision within ${o.ttlHours} h (HEALING_APPROVAL_TTL_HOURS): the proposal expired`;
    const { count } = await tx.healingSession.updateMany({ where: { id: o.sessionId, status: "PENDING_APPROVAL", decidedBy: null }, data: { status: "FAILED", failureReason: reason } });
    if (count === 1) await appendAudit(tx, o.sessionId, "SYSTEM", "EXPIRED", reason);
    return count === 1;
  });
}
