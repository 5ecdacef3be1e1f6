// infraflow/fix-run.completed → the applied fix's verified outcome: on the session (once), in the audit
// log, and in the knowledge base — a cached fix's counts and confidence move with every outcome; an LLM
// fix that CI proved is stored so the next identical failure can take the fast path.
import { db } from "@/server/db/client";
import { recordSessionOutcome } from "@/server/healing/record-session-outcome";
import { recordFix } from "@/server/knowledge/record-fix";
import { recordFixOutcome } from "@/server/knowledge/record-fix-outcome";
import { isFailureType } from "@/server/analysis/failure-types";
import { publishLive } from "@/server/realtime/live";
import { fixRunCompleted } from "../events";
import { defineWorkflow } from "../workflow";

export const recordFixOutcomeWorkflow = defineWorkflow({ id: "record-fix-outcome", trigger: fixRunCompleted }, async ({ event, step }) => {
  const sessionId = BigInt(event.data.healingSessionId);
  const result = await step.run("record-session-outcome", () => recordSessionOutcome(db(), { sessionId, conclusion: event.data.conclusion }));
  if (!result.changed || !result.outcome) return { learned: false, outcome: result.outcome };

  const learned = await step.run("teach-knowledge-base", async () => {
    const succeeded = result.outcome === "SUCCEEDED";
    if (result.kbFixId) {
      const fix = await recordFixOutcome({ fixId: result.kbFixId, outcome: succeeded ? "succeeded" : "failed", signature: result.failure?.signature });
      return { fixId: fix.id, confidence: fix.confidence };
    }
    // A fix generated for this failure enters the knowledge base once green CI has proved it.
    if (!succeeded || !result.failure || !result.fixPlan || !isFailureType(result.failure.failureType)) return null;
    const { fix } = await recordFix({
      failure: { ...result.failure, failureType: result.failure.failureType },
      strategy: result.fixPlan.strategy,
      changes: result.fixPlan.changes.map((c) => ({ path: c.path, content: c.content, originalContent: c.originalContent ?? null })),
    });
    await recordFixOutcome({ fixId: fix.id, outcome: "applied", signature: result.failure.signature });
    const proven = await recordFixOutcome({ fixId: fix.id, outcome: "succeeded", signature: result.failure.signature });
    await db().healingSession.update({ where: { id: sessionId }, data: { kbFixId: fix.id } });
    return { fixId: proven.id, confidence: proven.confidence };
  });

  await step.run("announce", async () => {
    await publishLive("healing-events", "healing-session.verified", { id: sessionId, repoFullName: result.repoFullName });
    if (learned) await publishLive("knowledge-events", "knowledge-base.updated", { id: learned.fixId, repoFullName: result.repoFullName });
  });
  return { learned: Boolean(learned), outcome: result.outcome };
});
