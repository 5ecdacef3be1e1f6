// Approve (runbook §6 POST /approve): a guarded transition in one conditional update — only a session
// pending approval that nobody decided yet — so two approvals at once produce one apply (one commit), and
// approving a rejected or applied session is a 409. The apply workflow is started after the decision is
// stored; if it cannot be started, the decision is undone so the session can be approved again.
import { logger } from "../logger";
import { appendAudit } from "./audit";
import { announceSession } from "./announce-session";
import { decisionConflict, deciderActor, deciderName, readSessionForDecision, type Decider, type DecisionDeps } from "./decision-guard";
import { approvedEvent } from "./session-events";
import { toSessionDetailDto } from "./session-dto";

export async function approveSession(deps: DecisionDeps, o: { sessionId: string | bigint; by: Decider }) {
  const session = await readSessionForDecision(deps.db, o.sessionId, o.by);
  const who = deciderName(o.by);
  const won = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: session.id, status: "PENDING_APPROVAL", decidedBy: null }, data: { decidedBy: who } });
    if (count === 1) await appendAudit(tx, session.id, deciderActor(o.by), "APPROVED", o.by.kind === "user" ? `Approved by ${who}` : "Approved automatically (HEALING_AUTO_APPLY: confidence at or above the threshold, no guardrail finding)");
    return count === 1;
  });
  if (!won) throw decisionConflict((await deps.db.healingSession.findUnique({ where: { id: session.id } })) ?? session, "approve");
  try {
    await deps.send([approvedEvent(session, who)]);
  } catch (err) {
    await deps.db.$transaction(async (tx) => {
      await tx.healingSession.updateMany({ where: { id: session.id, status: "PENDING_APPROVAL", decidedBy: who }, data: { decidedBy: null } });
      await appendAudit(tx, session.id, "SYSTEM", "APPROVED", `Approval by ${who} undone: the apply workflow could not be started`);
    });
    throw err;
  }
  logger("healing-engine").info({ sessionId: session.id.toString(), by: who }, `Session ${session.id} approved by ${o.by.kind === "user" ? "user" : "system"}`);
  await announceSession("approved", session);
  return toSessionDetailDto((await deps.db.healingSession.findUnique({ where: { id: session.id } }))!);
}
