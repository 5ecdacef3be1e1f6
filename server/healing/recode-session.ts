// Re-code (runbook §4.3, §6 POST /regenerate): a new attempt for the same failure — attempt_number + 1,
// parent_session_id, the feedback stored for the prompt — up to HEALING_MAX_RETRIES re-codes. A person
// re-codes a pending (or failed) attempt; SYSTEM re-codes an applied fix whose CI failed, with the new
// logs as feedback. A pending parent is closed (REJECTED, "re-code requested") in the same transaction,
// under the same lock as open-or-join, so a failure never has two open attempts and a session is re-coded
// once.
import type { HealingSession } from "@/generated/prisma/client";
import { AppError } from "../errors";
import { logger } from "../logger";
import { appendAudit } from "./audit";
import { announceSession } from "./announce-session";
import { MAX_FEEDBACK_CHARS } from "./feedback-limit";
import { decisionConflict, deciderActor, deciderName, readSessionForDecision, type Decider, type DecisionDeps } from "./decision-guard";
import { recodeEvent } from "./session-events";
import { toSessionDetailDto } from "./session-dto";

/** The failure already had HEALING_MAX_RETRIES re-codes: a CONFLICT that ends the loop rather than a race. */
export class RetryLimitReached extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "RetryLimitReached";
  }
}

export function canRecode(s: Pick<HealingSession, "status" | "decidedBy" | "outcome">): boolean {
  return (s.status === "PENDING_APPROVAL" && !s.decidedBy) || s.status === "FAILED" || (s.status === "APPLIED" && s.outcome === "FAILED");
}

export async function recodeSession(
  deps: DecisionDeps,
  o: { sessionId: string | bigint; by: Decider; feedback: string; maxRetries: number; failedRunId?: string | null },
) {
  const feedback = o.feedback.trim();
  if (feedback.length > MAX_FEEDBACK_CHARS) throw new AppError("BAD_REQUEST", `Feedback is at most ${MAX_FEEDBACK_CHARS} characters`);
  const session = await readSessionForDecision(deps.db, o.sessionId, o.by);
  const who = deciderName(o.by);
  const child = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`heal:${session.repoFullName}:${session.branch}:${session.signature}`}, 0))`;
    const parent = (await tx.healingSession.findUnique({ where: { id: session.id } }))!;
    if (!canRecode(parent)) throw decisionConflict(parent, "re-code");
    const existing = await tx.healingSession.findFirst({ where: { parentSessionId: parent.id }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `Cannot re-code session ${parent.id}: it was already re-coded as session ${existing.id}`);
    if (parent.attemptNumber > o.maxRetries) {
      throw new RetryLimitReached(`Cannot re-code session ${parent.id}: attempt ${parent.attemptNumber} reached the retry limit (HEALING_MAX_RETRIES=${o.maxRetries})`);
    }
    if (parent.status === "PENDING_APPROVAL") {
      await tx.healingSession.update({ where: { id: parent.id }, data: { status: "REJECTED", decidedBy: who, rejectionReason: `Re-code requested${feedback ? `: ${feedback}` : ""}` } });
    }
    const created = await tx.healingSession.create({
      data: {
        pipelineEventId: parent.pipelineEventId,
        repoFullName: parent.repoFullName,
        branch: parent.branch,
        commitSha: parent.commitSha,
        failureType: parent.failureType,
        status: "ANALYZING",
        attemptNumber: parent.attemptNumber + 1,
        parentSessionId: parent.id,
        feedback: feedback || null,
        signature: parent.signature,
        signatureText: parent.signatureText,
        errorExcerpt: parent.errorExcerpt,
        demo: parent.demo,
      },
    });
    await appendAudit(tx, parent.id, deciderActor(o.by), "RECODE_REQUESTED", `Re-code requested by ${who} as session ${created.id} (attempt ${created.attemptNumber})${feedback ? `: ${feedback}` : ""}`);
    await appendAudit(tx, created.id, "SYSTEM", "SESSION_OPENED", `Attempt ${created.attemptNumber}, re-coding session ${parent.id}${feedback ? ` with feedback: ${feedback}` : ""}`);
    return created;
  });
  try {
    await deps.send([recodeEvent(child, o.failedRunId ?? null)]);
  } catch (err) {
    await deps.db.healingSession.updateMany({ where: { id: child.id, status: "ANALYZING" }, data: { status: "FAILED", failureReason: "The re-code workflow could not be started; re-code again" } });
    throw err;
  }
  logger("healing-engine").info({ sessionId: child.id.toString(), parent: session.id.toString(), attempt: child.attemptNumber, by: who }, `Session ${session.id} re-coded as session ${child.id}`);
  await announceSession("recoded", session);
  await announceSession("opened", child);
  return toSessionDetailDto(child);
}
