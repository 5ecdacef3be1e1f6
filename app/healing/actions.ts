"use server";
// PLACEHOLDER (issue 13 branch): the healing-loop work provides the real approve / reject / re-code
// server actions with these exact signatures; this file is replaced by that one at merge. Until then every
// decision is refused, so the review page's buttons, progress and error toasts can be built and tested.

export type DecisionResult = { ok: true } | { ok: false; error: { code: string; message: string } };

const notImplemented = async (): Promise<DecisionResult> => ({
  ok: false,
  error: { code: "NOT_IMPLEMENTED", message: "Decisions are not wired on this build yet" },
});

export async function approveSessionAction(sessionId: string): Promise<DecisionResult> {
  void sessionId;
  return notImplemented();
}

export async function rejectSessionAction(sessionId: string, reason: string): Promise<DecisionResult> {
  void sessionId;
  void reason;
  return notImplemented();
}

export async function recodeSessionAction(sessionId: string, feedback: string): Promise<DecisionResult> {
  void sessionId;
  void feedback;
  return notImplemented();
}
