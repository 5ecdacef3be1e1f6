// A session ends FAILED with the reason (apply refused by GitHub for good, retries exhausted…).
import type { Db } from "../db/client";
import { appendAudit, type AuditAction } from "./audit";

export async function failSession(db: Db, o: { sessionId: bigint; reason: string; from: string[]; action: AuditAction }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: o.sessionId, status: { in: o.from } }, data: { status: "FAILED", failureReason: o.reason } });
    if (count === 1) await appendAudit(tx, o.sessionId, "SYSTEM", o.action, o.reason);
    return count === 1;
  });
}
