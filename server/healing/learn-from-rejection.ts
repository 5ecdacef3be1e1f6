// A rejected cached fix loses confidence in the knowledge base (runbook §7: failed or rejected), once per
// session: kb_learning marks it done, and a count already past the baseline is not counted again.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/client";
import { knowledgeBase, recordFixOutcome } from "../knowledge";
import { appendAudit } from "./audit";

export async function learnFromRejection(db: Db, sessionId: bigint): Promise<{ fixId: string; confidence: number } | null> {
  const s = await db.healingSession.findUniqueOrThrow({ where: { id: sessionId } });
  const learning = s.kbLearning as { done?: boolean; rejectedBaseline?: number } | null;
  if (s.status !== "REJECTED" || !s.kbFixId || learning?.done) return null;
  const fix = await knowledgeBase().getFix(s.kbFixId);
  if (!fix) return null;
  const baseline = learning?.rejectedBaseline ?? fix.rejectedCount;
  if (learning?.rejectedBaseline === undefined) {
    await db.healingSession.update({ where: { id: sessionId }, data: { kbLearning: { rejectedBaseline: baseline, done: false } as Prisma.InputJsonValue } });
  }
  const updated = fix.rejectedCount > baseline ? fix : await recordFixOutcome({ fixId: s.kbFixId, outcome: "rejected", signature: s.signature ?? undefined });
  await db.$transaction(async (tx) => {
    await tx.healingSession.update({ where: { id: sessionId }, data: { kbLearning: { rejectedBaseline: baseline, done: true, fixId: updated.id, confidence: updated.confidence } as Prisma.InputJsonValue } });
    await appendAudit(tx, sessionId, "KNOWLEDGE_BASE", "KB_UPDATED", `Fix ${updated.id} rejected: confidence now ${updated.confidence.toFixed(2)}`);
  });
  return { fixId: updated.id, confidence: updated.confidence };
}
