// Learning (flow 3): a verified outcome teaches the knowledge base once per session. A cached fix's counts
// and confidence move with it; an LLM fix that green CI proved is stored (applied + succeeded) so the next
// identical failure takes the fast path. The session is the idempotency key: healing_sessions.kb_learning
// holds the fix and its counts before this session's outcome, so a retried or resumed step that already
// counted (even if it crashed before saying so) sees the count moved past the baseline and does not count
// again, and `done` makes every later call a no-op. The outcome itself is stored first
// (record-session-outcome.ts), so a crash between the two never loses the learning: it runs on resume.
import type { Prisma } from "@/generated/prisma/client";
import { isFailureType } from "../analysis/failure-types";
import type { Db } from "../db/client";
import { knowledgeBase, recordFix, recordFixOutcome } from "../knowledge";
import type { FixOutcome, KbFix } from "../knowledge/types";
import { appendAudit } from "./audit";
import { fixPlanSchema } from "./fix-plan";

interface Counts {
  applied: number;
  success: number;
  failure: number;
}

interface Learning {
  fixId: string | null;
  baseline: Counts | null;
  done: boolean;
  confidence: number | null;
}

const countsOf = (f: KbFix): Counts => ({ applied: f.appliedCount, success: f.successCount, failure: f.failureCount });
const field: Record<Exclude<FixOutcome, "rejected">, keyof Counts> = { applied: "applied", succeeded: "success", failed: "failure" };

export async function learnFromOutcome(db: Db, sessionId: bigint): Promise<{ fixId: string; confidence: number } | null> {
  const s = await db.healingSession.findUniqueOrThrow({ where: { id: sessionId } });
  const learning = (s.kbLearning as Learning | null) ?? null;
  if (learning?.done) return learning.fixId && learning.confidence !== null ? { fixId: learning.fixId, confidence: learning.confidence } : null;
  if (s.outcome !== "SUCCEEDED" && s.outcome !== "FAILED") return null;
  const succeeded = s.outcome === "SUCCEEDED";
  const save = (l: Learning) => db.healingSession.update({ where: { id: sessionId }, data: { kbLearning: l as unknown as Prisma.InputJsonValue } });

  let fixId = learning?.fixId ?? s.kbFixId;
  const plan = fixPlanSchema.safeParse(s.fixPlan);
  if (!fixId) {
    // An LLM fix enters the knowledge base only once green CI proved it; a failed one counts in the LLM's
    // track record (read-llm-track-record.ts), which lowers the confidence of its next fixes of this type.
    if (!succeeded || !plan.success || !s.signature || !s.signatureText || !s.failureType || !isFailureType(s.failureType)) {
      await save({ fixId: null, baseline: null, done: true, confidence: null });
      return null;
    }
    const { fix } = await recordFix({
      failure: { failureType: s.failureType, signature: s.signature, signatureText: s.signatureText },
      strategy: plan.data.strategy || plan.data.summary,
      changes: plan.data.changes.map((c) => ({ path: c.path, content: c.content, originalContent: c.originalContent ?? null })),
    });
    fixId = fix.id;
  }
  let baseline = learning?.fixId === fixId ? learning.baseline : null;
  if (!baseline) {
    const fix = await knowledgeBase().getFix(fixId);
    if (!fix) {
      await save({ fixId: null, baseline: null, done: true, confidence: null });
      return null;
    }
    baseline = countsOf(fix);
    await save({ fixId, baseline, done: false, confidence: null });
  }

  let latest: KbFix | null = null;
  for (const outcome of ["applied", succeeded ? "succeeded" : "failed"] as const) {
    const current = await knowledgeBase().getFix(fixId);
    if (current && countsOf(current)[field[outcome]] > baseline[field[outcome]]) {
      latest = current;
      continue;
    }
    latest = await recordFixOutcome({ fixId, outcome, signature: s.signature ?? undefined });
  }
  const confidence = latest?.confidence ?? null;
  await db.$transaction(async (tx) => {
    await tx.healingSession.update({ where: { id: sessionId }, data: { kbFixId: fixId, kbLearning: { fixId, baseline, done: true, confidence } as unknown as Prisma.InputJsonValue } });
    await appendAudit(tx, sessionId, "KNOWLEDGE_BASE", "KB_UPDATED", `Fix ${fixId} ${succeeded ? "succeeded" : "failed"}: confidence now ${confidence?.toFixed(2) ?? "unknown"}`);
  });
  return confidence === null ? null : { fixId, confidence };
}
