// The earned outcome rate of LLM fixes for one failure type, from healing_sessions: verified outcomes
// (SUCCEEDED / FAILED) plus rejections, which the runbook counts as failures. Read from the sessions and
// not from the knowledge base's per-fix counts, because those mix in replayed fixes and only hold fixes
// that were recorded; what the model's number needs checking against is how the model's own fixes of
// this type fared. Demo sessions and real ones are kept apart: recorded answers say nothing about Claude.
import type { Db } from "../../db/client";
import type { OutcomeCounts } from "../../knowledge/fix-confidence";

export async function readLlmTrackRecord(db: Db, o: { failureType: string; demo: boolean }): Promise<OutcomeCounts> {
  const rows = await db.healingSession.groupBy({
    by: ["outcome", "status"],
    where: { source: "LLM", failureType: o.failureType, demo: o.demo, OR: [{ outcome: { in: ["SUCCEEDED", "FAILED"] } }, { status: "REJECTED" }] },
    _count: { _all: true },
  });
  let successCount = 0;
  let failureCount = 0;
  for (const row of rows) {
    if (row.outcome === "SUCCEEDED") successCount += row._count._all;
    else failureCount += row._count._all;
  }
  return { successCount, failureCount };
}
