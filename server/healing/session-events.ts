// The workflow events decisions start (inngest/events.ts names them); ids make each start idempotent.
export interface WorkflowEventOut {
  name: string;
  id: string;
  data: Record<string, unknown>;
}

interface SessionRef {
  id: bigint;
  repoFullName: string;
  branch: string;
}

const ref = (s: SessionRef) => ({ sessionId: s.id.toString(), repoFullName: s.repoFullName, branch: s.branch });

export function approvedEvent(s: SessionRef, decidedBy: string): WorkflowEventOut {
  return { name: "infraflow/session.approved", id: `session-approved-${s.id}`, data: { ...ref(s), decidedBy } };
}

export function rejectedEvent(s: SessionRef): WorkflowEventOut {
  return { name: "infraflow/session.rejected", id: `session-rejected-${s.id}`, data: ref(s) };
}

export function recodeEvent(child: SessionRef, failedRunId: string | null): WorkflowEventOut {
  return { name: "infraflow/session.recode-requested", id: `session-recode-${child.id}`, data: { ...ref(child), failedRunId } };
}

export function proposedEvent(s: SessionRef): WorkflowEventOut {
  return { name: "infraflow/session.proposed", id: `session-proposed-${s.id}`, data: ref(s) };
}
