// The one way in for decisions from the dashboard (server actions) and the REST API: validated input →
// the domain function with the signed-in user as decider and the app's workflow starter.
import { db } from "../db/client";
import { env } from "../env";
import type { Viewer } from "../access";
import { approveSession } from "./approve-session";
import { recodeSession } from "./recode-session";
import { rejectSession } from "./reject-session";
import type { WorkflowEventOut } from "./session-events";

export type SendEvents = (events: WorkflowEventOut[]) => Promise<void>;

export function approveAs(viewer: Viewer, sessionId: string, send: SendEvents) {
  return approveSession({ db: db(), send }, { sessionId, by: { kind: "user", viewer } });
}

export function rejectAs(viewer: Viewer, sessionId: string, reason: string, send: SendEvents) {
  return rejectSession({ db: db(), send }, { sessionId, by: { kind: "user", viewer }, reason });
}

export function recodeAs(viewer: Viewer, sessionId: string, feedback: string, send: SendEvents) {
  return recodeSession({ db: db(), send }, { sessionId, by: { kind: "user", viewer }, feedback, maxRetries: env().HEALING_MAX_RETRIES });
}
