// Runbook GET /api/dashboard/stats. MTTR: mean time from a failed pipeline being received to the CI run
// that verified its fix succeeding, in seconds (null until a fix has been verified).
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

export async function getDashboardStats(db: Db, opts: { repo?: string } = {}): Promise<DashboardStats> {
  const repo = opts.repo ? { repoFullName: opts.repo } : {};
  const [totalPipelines, failedPipelines, totalHealingSessions, pendingApproval, successfulHeals, healed, mttr] = await Promise.all([
    db.pipelineEvent.count({ where: repo }),
    db.pipelineEvent.count({ where: { ...repo, status: "failure" } }),
    db.healingSession.count({ where: repo }),
    db.healingSession.count({ where: { ...repo, status: "PENDING_APPROVAL" } }),
    db.healingSession.count({ where: { ...repo, outcome: "SUCCEEDED" } }),
    db.healingSession.findMany({ where: { ...repo, outcome: "SUCCEEDED", pipelineEventId: { not: null } }, distinct: ["pipelineEventId"], select: { pipelineEventId: true } }),
    db.$queryRaw<{ seconds: number | null }[]>`
      SELECT AVG(EXTRACT(EPOCH FROM (s.updated_at - p.created_at)))::float8 AS seconds
      FROM healing_sessions s JOIN pipeline_events p ON p.id = s.pipeline_event_id
      WHERE s.outcome = 'SUCCEEDED' AND (${opts.repo ?? null}::text IS NULL OR s.repo_full_name = ${opts.repo ?? null})`,
  ]);
  return {
    totalPipelines,
    failedPipelines,
    healedPipelines: healed.length,
    totalHealingSessions,
    pendingApproval,
    successfulHeals,
    averageMTTR: mttr[0]?.seconds ?? null,
  };
}
