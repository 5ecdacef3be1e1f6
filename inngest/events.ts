// Every event InfraFlow sends, typed in one place. Names are namespaced `infraflow/...`.
import { eventType } from "inngest";
import { z } from "zod";

/** The failed run an event is about (its stored pipeline event and where it ran). */
const failedRunRef = {
  pipelineEventId: z.string(),
  repoFullName: z.string(),
  branch: z.string(),
  commitSha: z.string(),
  runId: z.string(),
};

/** A monitored repository's workflow run failed (from the workflow_run webhook). */
export const pipelineFailed = eventType("infraflow/pipeline.failed", {
  schema: z.object({
    ...failedRunRef,
    runAttempt: z.number().int(),
    workflowName: z.string(),
    deliveryId: z.string(),
  }),
});

/** CI finished on an auto-fix branch: the outcome of an applied fix. */
export const fixRunCompleted = eventType("infraflow/fix-run.completed", {
  schema: z.object({
    healingSessionId: z.string(),
    pipelineEventId: z.string(),
    conclusion: z.string(),
    deliveryId: z.string(),
    /** The monitored repository and the fix branch (concurrency key). */
    repoFullName: z.string().optional(),
    branch: z.string().optional(),
    runId: z.string().optional(),
  }),
});

/** An analysed failure that is neither flaky nor pre-existing: open (or join) its healing session. */
export const healRequested = eventType("infraflow/heal.requested", {
  schema: z.object({
    ...failedRunRef,
    failureType: z.string(),
    signature: z.string(),
    signatureText: z.string(),
    excerpt: z.string(),
    job: z.string().nullable(),
    step: z.string().nullable(),
    defaultBranch: z.string(),
  }),
});

const sessionRef = {
  sessionId: z.string(),
  repoFullName: z.string(),
  branch: z.string(),
};

/** A session was approved (by a person or SYSTEM under HEALING_AUTO_APPLY): commit it and open its pull request. */
export const sessionApproved = eventType("infraflow/session.approved", { schema: z.object({ ...sessionRef, decidedBy: z.string() }) });

/** A new attempt (re-code) was created: generate its fix. `failedRunId` is the fix run whose CI failed, when that caused it. */
export const sessionRecodeRequested = eventType("infraflow/session.recode-requested", {
  schema: z.object({ ...sessionRef, failedRunId: z.string().nullable() }),
});

/** A person rejected a session's fix: the knowledge base learns it. */
export const sessionRejected = eventType("infraflow/session.rejected", { schema: z.object(sessionRef) });

/** A push to any repository we receive webhooks for: the security-scan trigger. */
export const pushReceived = eventType("infraflow/push.received", {
  schema: z.object({
    repoFullName: z.string(),
    branch: z.string().nullable(),
    before: z.string(),
    after: z.string(),
    deliveryId: z.string(),
    changedFiles: z.array(z.string()),
  }),
});

/** A session reached PENDING_APPROVAL: it expires unless decided within HEALING_APPROVAL_TTL_HOURS. */
export const sessionProposed = eventType("infraflow/session.proposed", { schema: z.object(sessionRef) });
