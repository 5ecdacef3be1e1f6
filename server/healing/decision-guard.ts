// What approve, reject and re-code share: who decides (a signed-in user with push access, or SYSTEM for
// HEALING_AUTO_APPLY / a failed CI run), the session read, and the 409 that explains why a decision is
// not possible in the session's state.
import { assertRepoAccess, type Viewer } from "../access";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { HealingSession } from "@/generated/prisma/client";
import { parseSessionId } from "./read-sessions";
import type { WorkflowEventOut } from "./session-events";

export type Decider = { kind: "user"; viewer: Viewer } | { kind: "system" };

export interface DecisionDeps {
  db: Db;
  /** Starts the follow-up workflow (sendEvents); a workflow passes a collector and sends in its own step. */
  send: (events: WorkflowEventOut[]) => Promise<void>;
}

export function deciderName(d: Decider): string {
  return d.kind === "user" ? d.viewer.login : "SYSTEM";
}

export function deciderActor(d: Decider): "USER" | "SYSTEM" {
  return d.kind === "user" ? "USER" : "SYSTEM";
}

/** The session, after checking the decider may act on its repository (push access). */
export async function readSessionForDecision(db: Db, id: string | bigint, d: Decider): Promise<HealingSession> {
  const sessionId = typeof id === "bigint" ? id : parseSessionId(id);
  const session = await db.healingSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new AppError("NOT_FOUND", `Healing session ${sessionId} does not exist`);
  if (d.kind === "user") await assertRepoAccess(d.viewer, session.repoFullName, "push");
  return session;
}

/** The 409 for a decision the session's current state does not allow. */
export function decisionConflict(s: Pick<HealingSession, "id" | "status" | "decidedBy" | "outcome">, verb: "approve" | "reject" | "re-code"): AppError {
  let state: string;
  if (s.status === "PENDING_APPROVAL" && s.decidedBy) state = `already approved by ${s.decidedBy} and being applied`;
  else if (s.status === "APPLIED") state = `already applied${s.outcome ? ` (CI ${s.outcome === "SUCCEEDED" ? "passed" : "failed"})` : ", waiting for CI"}`;
  else if (s.status === "REJECTED") state = `rejected${s.decidedBy ? ` by ${s.decidedBy}` : ""}`;
  else if (s.status === "ANALYZING") state = "still being analysed: no fix to decide on yet";
  else state = s.status.toLowerCase();
  const allowed = verb === "re-code" ? "only a pending, failed or CI-failed session can be re-coded" : `only a session pending approval can be ${verb === "approve" ? "approved" : "rejected"}`;
  return new AppError("CONFLICT", `Cannot ${verb} session ${s.id}: it is ${state}; ${allowed}`);
}
