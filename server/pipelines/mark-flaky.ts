// A failure that passed on re-run, or that also fails on the default branch, is flaky / pre-existing:
// recorded on the pipeline event and not healed.
import type { Db } from "../db/client";

export async function markPipelineFlaky(db: Db, pipelineEventId: bigint): Promise<void> {
  await db.pipelineEvent.update({ where: { id: pipelineEventId }, data: { flaky: true } });
}

/** A later attempt of the same run passed: the failed earlier attempts were flaky. Returns how many. */
export async function markEarlierAttemptsFlaky(db: Db, runId: bigint, passedAttempt: number): Promise<number> {
  const { count } = await db.pipelineEvent.updateMany({
    where: { runId, runAttempt: { lt: passedAttempt }, status: "failure" },
    data: { flaky: true },
  });
  return count;
}

/** The same failure already fails on the default branch: pre-existing, not healed on this branch. */
export async function markPipelinePreexisting(db: Db, pipelineEventId: bigint): Promise<void> {
  await db.pipelineEvent.update({ where: { id: pipelineEventId }, data: { preexisting: true } });
}
