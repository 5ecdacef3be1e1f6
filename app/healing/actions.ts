"use server";
// Approve / Reject / Re-code (runbook §4.1 step 8, §4.3): server actions over the same domain functions as
// the REST endpoints (server/healing/decide-session.ts).
import { sendEvents } from "@/inngest/send";
import { currentUser } from "@/server/auth/session";
import { approveAs, recodeAs, rejectAs } from "@/server/healing/decide-session";
import { runDecisionAction, type DecisionActionResult } from "@/server/healing/run-decision-action";

export async function approveSessionAction(sessionId: string): Promise<DecisionActionResult> {
  return runDecisionAction(await currentUser(), (viewer) => approveAs(viewer, sessionId, sendEvents));
}

export async function rejectSessionAction(sessionId: string, reason: string): Promise<DecisionActionResult> {
  return runDecisionAction(await currentUser(), (viewer) => rejectAs(viewer, sessionId, reason, sendEvents));
}

export async function recodeSessionAction(sessionId: string, feedback: string): Promise<DecisionActionResult> {
  return runDecisionAction(await currentUser(), (viewer) => recodeAs(viewer, sessionId, feedback, sendEvents));
}
