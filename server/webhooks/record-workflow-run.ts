// Stores a workflow_run delivery in one SQL statement: the delivery id (idempotency), the pipeline event
// (upserted per run attempt, never moved backwards by an older delivery), the link to a healing session
// when the run is CI on an auto-fix branch, and whether the repository is monitored. One statement is
// one transaction, so a crash leaves either all of it or none.
import type { Db } from "../db/client";
import type { NormalizedRun } from "./normalize-workflow-run";

export interface RecordedRun {
  /** False when this delivery id was already stored: nothing changed. */
  fresh: boolean;
  /** Null when an older delivery arrived after a newer one and was not applied. */
  pipelineEventId: bigint | null;
  healingSessionId: bigint | null;
  monitored: boolean;
}

export async function recordWorkflowRun(db: Db, deliveryId: string, run: NormalizedRun, fixBranch: boolean): Promise<RecordedRun> {
  const rows = await db.$queryRaw<{ fresh: boolean; id: bigint | null; healing_session_id: bigint | null; monitored: boolean }[]>`
    WITH delivery AS (
      INSERT INTO webhook_deliveries (delivery_id, event, action, repo_full_name)
      VALUES (${deliveryId}, 'workflow_run', ${run.action}, ${run.repoFullName})
      ON CONFLICT (delivery_id) DO NOTHING
      RETURNING delivery_id
    ), session AS (
      SELECT id FROM healing_sessions
      WHERE ${fixBranch} AND fix_branch = ${run.branch} AND repo_full_name = ${run.repoFullName}
      ORDER BY id DESC LIMIT 1
    ), upsert AS (
      INSERT INTO pipeline_events (repo_full_name, branch, commit_sha, workflow_name, status, conclusion, run_id, run_attempt,
                                   run_url, event, run_updated_at, healing_session_id)
      SELECT ${run.repoFullName}, ${run.branch}, ${run.commitSha}, ${run.workflowName}, ${run.status}, ${run.conclusion},
             ${run.runId}, ${run.runAttempt}, ${run.runUrl}, ${run.event}, ${run.runUpdatedAt}::timestamptz, (SELECT id FROM session)
      WHERE EXISTS (SELECT 1 FROM delivery)
      ON CONFLICT (run_id, run_attempt) DO UPDATE SET
        status = EXCLUDED.status,
        conclusion = EXCLUDED.conclusion,
        workflow_name = EXCLUDED.workflow_name,
        run_url = COALESCE(EXCLUDED.run_url, pipeline_events.run_url),
        run_updated_at = EXCLUDED.run_updated_at,
        healing_session_id = COALESCE(pipeline_events.healing_session_id, EXCLUDED.healing_session_id),
        updated_at = now()
      WHERE pipeline_events.run_updated_at IS NULL OR EXCLUDED.run_updated_at IS NULL
         OR EXCLUDED.run_updated_at >= pipeline_events.run_updated_at
      RETURNING id, healing_session_id
    )
    SELECT EXISTS (SELECT 1 FROM delivery) AS fresh, upsert.id, upsert.healing_session_id,
           EXISTS (SELECT 1 FROM monitored_repos WHERE repo_full_name = ${run.repoFullName}) AS monitored
    FROM (SELECT 1) AS one LEFT JOIN upsert ON true`;
  const row = rows[0]!;
  return { fresh: row.fresh, pipelineEventId: row.id, healingSessionId: row.healing_session_id, monitored: row.monitored };
}

/** Stores the delivery id of any other event; false when it was already stored. */
export async function recordDelivery(db: Db, deliveryId: string, event: string, action: string | null, repoFullName: string | null): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO webhook_deliveries (delivery_id, event, action, repo_full_name)
    VALUES (${deliveryId}, ${event}, ${action}, ${repoFullName})
    ON CONFLICT (delivery_id) DO NOTHING`;
  return inserted === 1;
}

/** Undo for a delivery whose follow-up could not be started, so GitHub's redelivery is processed again. */
export async function forgetDelivery(db: Db, deliveryId: string): Promise<void> {
  await db.webhookDelivery.deleteMany({ where: { deliveryId } });
}
