// Runbook GET /api/dashboard/stats. Pipelines are runs, not run attempts: a failed run re-run once is one
// failed pipeline with two attempts (the feed shows the attempts inside the run). MTTR: the mean of the
// sessions' recorded MTTR (record-session-outcome.ts: from the failed run to the green CI run on the fix),
// in seconds — the same figure as the overview's MTTR trend; null until a fix has been verified.
import type { Viewer } from "../access";
import { readableScope } from "../access/repo-scope";
import type { Db } from "../db/client";

export interface DashboardStats {
  totalPipelines: number;
  failedPipelines: number;
  healedPipelines: number;
  totalHealingSessions: number;
  pendingApproval: number;
  successfulHeals: number;
  averageMTTR: number | null;
}

/** Counts over the repositories the viewer may read (or the one asked for), filtered in each query. */
export async function getDashboardStats(db: Db, viewer: Viewer, opts: { repo?: string } = {}): Promise<DashboardStats> {
  const repos = await readableScope(viewer, opts.repo);
  const repo = { repoFullName: { in: repos } };
  const [runs, totalHealingSessions, pendingApproval, successfulHeals, healed, mttr] = await Promise.all([
    // A pipeline is a run; its re-runs are attempts of it, and its state is that of its latest attempt.
    db.$queryRaw<{ total: number; failed: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status = 'failure')::int AS failed
      FROM pipeline_events p
      WHERE p.repo_full_name = ANY(${repos}::text[])
        AND NOT EXISTS (SELECT 1 FROM pipeline_events q WHERE q.run_id = p.run_id AND q.run_attempt > p.run_attempt)`,
    db.healingSession.count({ where: repo }),
    db.healingSession.count({ where: { ...repo, status: "PENDING_APPROVAL" } }),
    db.healingSession.count({ where: { ...repo, outcome: "SUCCEEDED" } }),
    db.healingSession.findMany({ where: { ...repo, outcome: "SUCCEEDED", pipelineEventId: { not: null } }, distinct: ["pipelineEventId"], select: { pipelineEventId: true } }),
    db.$queryRaw<{ seconds: number | null }[]>`
      SELECT AVG(s.mttr_seconds)::float8 AS seconds
      FROM healing_sessions s
      WHERE s.outcome = 'SUCCEEDED' AND s.mttr_seconds IS NOT NULL AND s.repo_full_name = ANY(${repos}::text[])`,
  ]);
  return {
    totalPipelines: runs[0]?.total ?? 0,
    failedPipelines: runs[0]?.failed ?? 0,
    healedPipelines: healed.length,
    totalHealingSessions,
    pendingApproval,
    successfulHeals,
    averageMTTR: mttr[0]?.seconds ?? null,
  };
}
