// Reject (runbook §6 POST /reject) with a reason: the same guarded transition as approve, to REJECTED.
// The knowledge base learns the rejection in the reject workflow (a cached fix loses confidence).
import { AppError } from "../errors";
import { logger } from "../logger";
import { appendAudit } from "./audit";
import { announceSession } from "./announce-session";
import { decisionConflict, deciderActor, deciderName, readSessionForDecision, type Decider, type DecisionDeps } from "./decision-guard";
import { rejectedEvent } from "./session-events";
import { toSessionDetailDto } from "./session-dto";

export const MAX_REASON_CHARS = 4000;

export async function rejectSession(deps: DecisionDeps, o: { sessionId: string | bigint; by: Decider; reason: string }) {
  const reason = o.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "A rejection needs a reason: say what is wrong with the fix");
  if (reason.length > MAX_REASON_CHARS) throw new AppError("BAD_REQUEST", `A rejection reason is at most ${MAX_REASON_CHARS} characters`);
  const session = await readSessionForDecision(deps.db, o.sessionId, o.by);
  const who = deciderName(o.by);
  const won = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({
      where: { id: session.id, status: "PENDING_APPROVAL", decidedBy: null },
      data: { status: "REJECTED", decidedBy: who, rejectionReason: reason },
    });
    if (count === 1) await appendAudit(tx, session.id, deciderActor(o.by), "REJECTED", `Rejected by ${who}: ${reason}`);
    return count === 1;
  });
  if (!won) throw decisionConflict((await deps.db.healingSession.findUnique({ where: { id: session.id } })) ?? session, "reject");
  logger("healing-engine").info({ sessionId: session.id.toString(), by: who }, `Session ${session.id} rejected by user`);
  await announceSession("rejected", session);
  // The rejection stands even if its follow-up (teaching the knowledge base) cannot be started now.
  await deps.send([rejectedEvent(session)]).catch((err: unknown) => logger("healing-engine").warn({ err, sessionId: session.id.toString() }, "Could not start the rejection follow-up"));
  return toSessionDetailDto((await deps.db.healingSession.findUnique({ where: { id: session.id } }))!);
}
