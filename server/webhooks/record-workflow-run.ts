// Stores a workflow_run delivery in one SQL statement: the delivery id (idempotency), the pipeline event
// (upserted per run attempt, never moved backwards by an older delivery) and the link to a healing session
// when the run is CI on an auto-fix branch — only when the repository is monitored; otherwise nothing. One statement is
// one transaction, so a crash leaves either all of it or none. It is a named (prepared) statement on
// the shared pool: planning this CTE costs more than running it, and this is the webhook's hot path.
import type pg from "pg";
import type { NormalizedRun } from "./normalize-workflow-run";

export interface RecordedRun {
  /** False when this delivery id was already stored, or the repository is not monitored: nothing changed. */
  fresh: boolean;
  /** Null when an older delivery arrived after a newer one and was not applied. */
  pipelineEventId: bigint | null;
  healingSessionId: bigint | null;
  monitored: boolean;
}

const RECORD_RUN = `
  WITH monitored AS (
    SELECT EXISTS (SELECT 1 FROM monitored_repos WHERE repo_full_name = $3) AS yes
  ), delivery AS (
    INSERT INTO webhook_deliveries (delivery_id, event, action, repo_full_name)
    SELECT $1, 'workflow_run', $2, $3 WHERE (SELECT yes FROM monitored)
    ON CONFLICT (delivery_id) DO NOTHING
    RETURNING delivery_id
  ), session AS (
    SELECT id FROM healing_sessions
    WHERE $4::boolean AND fix_branch = $5 AND repo_full_name = $3
    ORDER BY id DESC LIMIT 1
  ), upsert AS (
    INSERT INTO pipeline_events (repo_full_name, branch, commit_sha, workflow_name, status, conclusion, run_id, run_attempt,
                                 run_url, event, run_updated_at, healing_session_id)
    SELECT $3, $5, $6, $7, $8, $9, $10::bigint, $11::int, $12, $13, $14::timestamptz, (SELECT id FROM session)
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
  SELECT EXISTS (SELECT 1 FROM delivery) AS fresh, upsert.id::text AS id, upsert.healing_session_id::text AS healing_session_id,
         (SELECT yes FROM monitored) AS monitored
  FROM (SELECT 1) AS one LEFT JOIN upsert ON true`;

export async function recordWorkflowRun(sql: pg.Pool, deliveryId: string, run: NormalizedRun, fixBranch: boolean): Promise<RecordedRun> {
  const { rows } = await sql.query<{ fresh: boolean; id: string | null; healing_session_id: string | null; monitored: boolean }>({
    name: "record-workflow-run",
    text: RECORD_RUN,
    values: [
      deliveryId, run.action, run.repoFullName, fixBranch, run.branch, run.commitSha, run.workflowName, run.status, run.conclusion,
      run.runId.toString(), run.runAttempt, run.runUrl, run.event, run.runUpdatedAt,
    ],
  });
  const row = rows[0]!;
  return {
    fresh: row.fresh,
    pipelineEventId: row.id === null ? null : BigInt(row.id),
    healingSessionId: row.healing_session_id === null ? null : BigInt(row.healing_session_id),
    monitored: row.monitored,
  };
}

const RECORD_DELIVERY = `
  WITH monitored AS (
    SELECT $4::text IS NULL OR EXISTS (SELECT 1 FROM monitored_repos WHERE repo_full_name = $4) AS yes
  ), delivery AS (
    INSERT INTO webhook_deliveries (delivery_id, event, action, repo_full_name)
    SELECT $1, $2, $3, $4 WHERE (SELECT yes FROM monitored)
    ON CONFLICT (delivery_id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT yes FROM monitored) AS monitored, EXISTS (SELECT 1 FROM delivery) AS fresh`;

/** Stores the delivery id of any other event, when its repository (if it names one) is monitored. */
export async function recordDelivery(
  sql: pg.Pool, deliveryId: string, event: string, action: string | null, repoFullName: string | null,
): Promise<"stored" | "duplicate" | "unmonitored"> {
  const { rows } = await sql.query<{ monitored: boolean; fresh: boolean }>({
    name: "record-delivery",
    text: RECORD_DELIVERY,
    values: [deliveryId, event, action, repoFullName],
  });
  const row = rows[0]!;
  return !row.monitored ? "unmonitored" : row.fresh ? "stored" : "duplicate";
}

/** Undo for a delivery whose follow-up could not be started, so GitHub's redelivery is processed again. */
export async function forgetDelivery(sql: pg.Pool, deliveryId: string): Promise<void> {
  await sql.query(`DELETE FROM webhook_deliveries WHERE delivery_id = $1`, [deliveryId]);
}
