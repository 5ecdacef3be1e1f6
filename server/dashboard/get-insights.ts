// The overview's charts (issue 13): failures and heals per day, failure types, the MTTR trend, the
// knowledge-base hit rate and the LLM cost it saved — all aggregated in SQL, over the repositories the
// viewer may read. A pipeline is a run (its latest attempt), as in getDashboardStats.
import type { Db } from "../db/client";

export interface InsightsOptions {
  /** Repositories to count (the viewer's readable ones). */
  repos: string[];
  /** Days back from today, today included. */
  days?: number;
  /** "Today" in tests. */
  now?: Date;
}

export interface Insights {
  days: { day: string; failures: number; heals: number; mttrSeconds: number | null }[];
  failureTypes: { type: string; count: number }[];
  knowledgeBase: { sessions: number; kbSessions: number; hitRate: number | null };
  llm: { spentUsd: number; averageFixCostUsd: number | null; savedUsd: number | null };
}

export async function getInsights(db: Db, { repos, days = 30, now = new Date() }: InsightsOptions): Promise<Insights> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const [perDay, types, kb] = await Promise.all([
    db.$queryRaw<{ day: Date; failures: number; heals: number; mttr: number | null }[]>`
      WITH d AS (SELECT generate_series(${since}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC', interval '1 day')::date AS day),
      runs AS (
        SELECT (p.created_at AT TIME ZONE 'UTC')::date AS day FROM pipeline_events p
        WHERE p.status = 'failure' AND p.repo_full_name = ANY(${repos}::text[]) AND p.created_at >= ${since}
          AND NOT EXISTS (SELECT 1 FROM pipeline_events q WHERE q.run_id = p.run_id AND q.run_attempt > p.run_attempt)),
      heals AS (
        SELECT (s.verified_at AT TIME ZONE 'UTC')::date AS day, s.mttr_seconds FROM healing_sessions s
        WHERE s.outcome = 'SUCCEEDED' AND s.verified_at >= ${since} AND s.repo_full_name = ANY(${repos}::text[]))
      SELECT d.day,
        (SELECT count(*) FROM runs WHERE runs.day = d.day)::int AS failures,
        (SELECT count(*) FROM heals WHERE heals.day = d.day)::int AS heals,
        (SELECT avg(mttr_seconds) FROM heals WHERE heals.day = d.day)::float8 AS mttr
      FROM d ORDER BY d.day`,
    db.$queryRaw<{ type: string; count: number }[]>`
      SELECT coalesce(p.failure_type, 'UNCLASSIFIED') AS type, count(*)::int AS count FROM pipeline_events p
      WHERE p.status = 'failure' AND p.repo_full_name = ANY(${repos}::text[]) AND p.created_at >= ${since}
        AND NOT EXISTS (SELECT 1 FROM pipeline_events q WHERE q.run_id = p.run_id AND q.run_attempt > p.run_attempt)
      GROUP BY 1 ORDER BY 2 DESC, 1`,
    // Cost saved: every fix replayed from the knowledge base would otherwise have cost what an LLM fix costs
    // on average (LLM sessions with recorded cost, same window).
    db.$queryRaw<{ sessions: number; kb: number; spent: number; avg_cost: number | null; saved: number | null }[]>`
      SELECT count(*)::int AS sessions,
        count(*) FILTER (WHERE source = 'KNOWLEDGE_BASE')::int AS kb,
        coalesce(sum(llm_cost_usd) FILTER (WHERE source = 'LLM'), 0)::float8 AS spent,
        (avg(llm_cost_usd) FILTER (WHERE source = 'LLM' AND llm_cost_usd IS NOT NULL))::float8 AS avg_cost,
        (count(*) FILTER (WHERE source = 'KNOWLEDGE_BASE') * avg(llm_cost_usd) FILTER (WHERE source = 'LLM' AND llm_cost_usd IS NOT NULL))::float8 AS saved
      FROM healing_sessions
      WHERE source IS NOT NULL AND repo_full_name = ANY(${repos}::text[]) AND created_at >= ${since}`,
  ]);
  const k = kb[0]!;
  return {
    days: perDay.map((r) => ({ day: r.day.toISOString().slice(0, 10), failures: r.failures, heals: r.heals, mttrSeconds: r.mttr })),
    failureTypes: types,
    knowledgeBase: { sessions: k.sessions, kbSessions: k.kb, hitRate: k.sessions ? k.kb / k.sessions : null },
    llm: { spentUsd: k.spent, averageFixCostUsd: k.avg_cost, savedUsd: k.saved },
  };
}
