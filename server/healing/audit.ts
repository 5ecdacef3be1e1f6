// The audit trail of a session (runbook §7 fix_audit_log): who did what. Actors are the runbook's four;
// actions are the verbs below, so the dashboard and operators' SQL can rely on them.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/client";

export type AuditActor = "SYSTEM" | "USER" | "KNOWLEDGE_BASE" | "LLM";
export type AuditAction =
  | "SESSION_OPENED"
  | "FAILURE_REPEATED"
  | "FIX_GENERATED"
  | "FIX_BLOCKED"
  | "FIX_FAILED"
  | "APPROVED"
  | "REJECTED"
  | "RECODE_REQUESTED"
  | "COMMITTED"
  | "PR_OPENED"
  | "APPLIED"
  | "CI_PASSED"
  | "CI_FAILED"
  | "CI_INCONCLUSIVE"
  | "KB_UPDATED"
  | "RETRIES_EXHAUSTED"
  | "EXPIRED";

type Writer = Pick<Db, "fixAuditLog"> | Prisma.TransactionClient;

export async function appendAudit(db: Writer, sessionId: bigint, actor: AuditActor, action: AuditAction, details: string): Promise<void> {
  await db.fixAuditLog.create({ data: { sessionId, actor, action, details } });
}
