// The embedded runner's journal (workflow_runs) and the lease that makes one process the owner of a run.
// Every write made while executing a run is fenced by `lease_owner = <this process>`: a process that lost
// its lease (stalled past expiry, then taken over) can no longer journal, complete or suspend the run.
// Times come from the database clock (now()), so app instances with skewed clocks agree on expiry.
import type { Db } from "@/server/db/client";

export type JournalEntry = { data: unknown } | { error: { name: string; message: string; stack?: string } };
export type Steps = Record<string, JournalEntry>;

/** What a suspended run waits for. */
export interface Wait {
  step: string;
  kind: "sleep" | "event";
  event?: string;
  if?: string;
}

export interface ClaimedRun {
  id: string;
  functionId: string;
  eventName: string;
  eventId: string | null;
  eventData: unknown;
  steps: Steps;
  attempt: number;
  wait: Wait | null;
  /** Taken over from a process whose lease expired (or an older version that left it RUNNING). */
  takenOver: boolean;
}

export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`Workflow run ${runId} is no longer leased by this process (taken over after its lease expired)`);
    this.name = "LeaseLostError";
  }
}

/** Runs a process may start now: queued, due to wake, or RUNNING under an expired (or no) lease. */
const CLAIMABLE = `(
  (status = 'QUEUED')
  OR (status IN ('SLEEPING', 'WAITING') AND wake_at <= now())
  OR (status = 'RUNNING' AND (lease_expires_at IS NULL OR lease_expires_at < now()))
)`;

export function createJournal(db: () => Db, owner: string, leaseMs: number) {
  const json = (v: unknown) => JSON.stringify(v);

  async function fenced(runId: string, count: number | Promise<number>): Promise<void> {
    if ((await count) === 0) throw new LeaseLostError(runId);
  }

  return {
    /** Creates a queued run; false when the function already has a run for this event id. */
    async insert(run: { id: string; functionId: string; eventName: string; eventId?: string; eventData: unknown; concurrencyKey: string | null }) {
      const { count } = await db().workflowRun.createMany({
        data: [
          {
            id: run.id,
            functionId: run.functionId,
            eventName: run.eventName,
            eventId: run.eventId ?? null,
            eventData: run.eventData as object,
            concurrencyKey: run.concurrencyKey,
            status: "QUEUED",
          },
        ],
        skipDuplicates: true,
      });
      return count === 1;
    },

    async claimable(functionIds: string[], limit: number) {
      return db().$queryRawUnsafe<{ id: string; functionId: string; concurrencyKey: string | null }[]>(
        `SELECT id, function_id AS "functionId", concurrency_key AS "concurrencyKey" FROM workflow_runs
         WHERE function_id = ANY($1::text[]) AND ${CLAIMABLE} ORDER BY started_at, id LIMIT $2`,
        functionIds,
        limit,
      );
    },

    /**
     * Takes the lease of one run if it is still claimable and, with a concurrency limit, fewer than `limit`
     * runs of the same function and key hold a live lease. An advisory lock per function and key makes the
     * count and the claim one decision across processes.
     */
    async claim(runId: string, concurrency?: { functionId: string; key: string; limit: number }): Promise<ClaimedRun | null> {
      // The CTE locks the row first, so its `status` is the one this claim replaces (takeover detection).
      const update = `WITH prev AS (SELECT id, status AS "prevStatus" FROM workflow_runs WHERE id = $1 FOR UPDATE)
        UPDATE workflow_runs r SET
          status = 'RUNNING', lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond',
          attempt = r.attempt + CASE WHEN r.status = 'RUNNING' THEN 1 ELSE 0 END
        FROM prev WHERE r.id = prev.id AND ${CLAIMABLE} __LIMIT__
        RETURNING r.id, r.function_id AS "functionId", r.event_name AS "eventName", r.event_id AS "eventId",
          r.event_data AS "eventData", r.steps, r.attempt, r.wait, prev."prevStatus" = 'RUNNING' AS "takenOver"`;
      let rows: ClaimedRun[];
      if (!concurrency) {
        rows = await db().$queryRawUnsafe<ClaimedRun[]>(update.replace("__LIMIT__", ""), runId, owner, leaseMs);
      } else {
        rows = await db().$transaction(async (tx) => {
          await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) l`, JSON.stringify([concurrency.functionId, concurrency.key]));
          const limited = update.replace(
            "__LIMIT__",
            `AND (SELECT count(*) FROM workflow_runs o WHERE o.function_id = $4 AND o.concurrency_key = $5 AND o.id <> $1
                  AND o.status = 'RUNNING' AND o.lease_expires_at > now()) < $6`,
          );
          return tx.$queryRawUnsafe<ClaimedRun[]>(limited, runId, owner, leaseMs, concurrency.functionId, concurrency.key, concurrency.limit);
        });
      }
      const run = rows[0];
      return run ? { ...run, steps: (run.steps ?? {}) as Steps } : null;
    },

    /** Journals one step's result; throws LeaseLostError if this process no longer owns the run. */
    async step(runId: string, stepId: string, entry: JournalEntry) {
      await fenced(
        runId,
        db().$executeRawUnsafe(
          `UPDATE workflow_runs SET steps = steps || jsonb_build_object($3::text, $4::jsonb),
             wait = CASE WHEN wait->>'step' = $3 THEN NULL ELSE wait END
           WHERE id = $1 AND lease_owner = $2`,
          runId,
          owner,
          stepId,
          json(entry),
        ),
      );
    },

    /** Parks the run on a sleep or wait and gives up its lease; returns when it wakes (or times out). */
    async suspend(runId: string, wait: Wait, wake: { ms: number } | { until: Date }): Promise<Date> {
      const rows = await db().$queryRawUnsafe<{ wakeAt: Date }[]>(
        `UPDATE workflow_runs SET status = $3, wait = $4::jsonb,
           wake_at = COALESCE($6::timestamptz, now() + $5 * interval '1 millisecond'),
           lease_owner = NULL, lease_expires_at = NULL
         WHERE id = $1 AND lease_owner = $2 RETURNING wake_at AS "wakeAt"`,
        runId,
        owner,
        wait.kind === "sleep" ? "SLEEPING" : "WAITING",
        json(wait),
        "ms" in wake ? wake.ms : 0,
        "until" in wake ? wake.until : null,
      );
      if (!rows[0]) throw new LeaseLostError(runId);
      return rows[0].wakeAt;
    },

    async complete(runId: string, output: unknown) {
      await fenced(
        runId,
        db().$executeRawUnsafe(
          `UPDATE workflow_runs SET status = 'COMPLETED', output = $3::jsonb, finished_at = now(), wait = NULL, wake_at = NULL,
             lease_owner = NULL, lease_expires_at = NULL
           WHERE id = $1 AND lease_owner = $2`,
          runId,
          owner,
          json(output),
        ),
      );
    },

    async fail(runId: string, message: string) {
      await fenced(
        runId,
        db().$executeRawUnsafe(
          `UPDATE workflow_runs SET status = 'FAILED', error = $3, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
           WHERE id = $1 AND lease_owner = $2`,
          runId,
          owner,
          message,
        ),
      );
    },

    /** Extends the leases of the runs this process executes; returns the ids it still owns. */
    async renew(runIds: string[]): Promise<Set<string>> {
      if (runIds.length === 0) return new Set();
      const rows = await db().$queryRawUnsafe<{ id: string }[]>(
        `UPDATE workflow_runs SET lease_expires_at = now() + $3 * interval '1 millisecond'
         WHERE id = ANY($1::text[]) AND lease_owner = $2 AND status = 'RUNNING' RETURNING id`,
        runIds,
        owner,
        leaseMs,
      );
      return new Set(rows.map((r) => r.id));
    },

    /** Runs waiting for an event of this name whose wait has not timed out. */
    async waitingFor(eventName: string) {
      return db().$queryRawUnsafe<{ id: string; wait: Wait; eventData: unknown }[]>(
        `SELECT id, wait, event_data AS "eventData" FROM workflow_runs
         WHERE status = 'WAITING' AND wait->>'event' = $1 AND wake_at > now()`,
        eventName,
      );
    },

    /** Hands a matching event to a waiting run (once: the run must still wait on that step, not timed out). */
    async resolveWait(runId: string, stepId: string, received: unknown): Promise<boolean> {
      const count = await db().$executeRawUnsafe(
        `UPDATE workflow_runs SET steps = steps || jsonb_build_object($2::text, $3::jsonb),
           status = 'QUEUED', wait = NULL, wake_at = NULL
         WHERE id = $1 AND status = 'WAITING' AND wait->>'step' = $2 AND wake_at > now()`,
        runId,
        stepId,
        json({ data: received }),
      );
      return count === 1;
    },

    /** Marks unfinished runs of functions this version no longer has, once nobody holds their lease. */
    async interruptUnknown(functionIds: string[]) {
      return db().$queryRawUnsafe<{ id: string; functionId: string }[]>(
        `UPDATE workflow_runs SET status = 'INTERRUPTED', finished_at = now(),
           error = 'No workflow named ' || function_id || ' in this version'
         WHERE NOT (function_id = ANY($1::text[])) AND ${CLAIMABLE}
         RETURNING id, function_id AS "functionId"`,
        functionIds,
      );
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
