// Every event InfraFlow sends, typed in one place. Names are namespaced `infraflow/...`.
import { eventType } from "inngest";
import { z } from "zod";

/** A monitored repository's workflow run failed (from the workflow_run webhook). */
export const pipelineFailed = eventType("infraflow/pipeline.failed", {
  schema: z.object({
    pipelineEventId: z.string(),
    repoFullName: z.string(),
    branch: z.string(),
    commitSha: z.string(),
    runId: z.string(),
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
  }),
});

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
