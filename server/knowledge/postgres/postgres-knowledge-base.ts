// The embedded default: the knowledge graph in PostgreSQL tables (kb_failure_patterns -[kb_pattern_fixes
// {weight}]-> kb_fixes, plus kb_pattern_bands for similarity); the tables are in prisma/schema.prisma.
// It talks to PostgreSQL through node-postgres directly rather than the Prisma client: the lookup is a
// hot path (p99 target 5 ms) and named prepared statements skip re-planning its CTEs on every call, which
// Prisma's raw queries do not offer. One SQL statement per step.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { FailureType } from "../../analysis/failure-types";
import { sortFixes } from "../fix-ordering";
import { visibleFixes, type KnowledgeBase, type PatternInput } from "../knowledge-base";
import { outcomeDeltas } from "../outcome-deltas";
import { toFix, toPattern, toPatternFix, toSummary, type FixRow, type PatternRow } from "./map-rows";
import { SQL } from "./sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;
type PatternWithFixesRow = PatternRow & { fixes: FixRow[] };

export interface PostgresKnowledgeBaseOptions {
  pool: pg.Pool;
  /** End the pool in close() (when the caller made it for this adapter). */
  ownsPool?: boolean;
}

export function createPostgresKnowledgeBase({ pool, ownsPool }: PostgresKnowledgeBaseOptions): KnowledgeBase {
  const q = <R extends pg.QueryResultRow>(db: Queryable, name: keyof typeof SQL, values: unknown[]) =>
    db.query<R>({ name: `kb_${name}`, text: SQL[name], values });

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  const withFixes = (row: PatternWithFixesRow) => ({ pattern: toPattern(row), fixes: sortFixes(row.fixes.map(toPatternFix)) });
  const patternValues = (p: PatternInput, at: Date) => [randomUUID(), p.failureType, p.signature, p.signatureText, at, p.bands];

  return {
    kind: "postgres",


    async findPattern(signature) {
      const { rows } = await q<PatternWithFixesRow>(pool, "findPattern", [signature]);
      return rows[0] ? withFixes(rows[0]) : null;
    },

    async sightPattern({ pattern, qualifying, at }) {
      const { rows } = await q<PatternWithFixesRow>(pool, "sightPattern", [
        ...patternValues(pattern, at),
        qualifying.minConfidence,
        qualifying.minSuccessCount,
      ]);
      return withFixes(rows[0]!);
    },

    async findSimilar({ bands, excludeSignature, limit, maxPatternsPerBand }) {
      if (bands.length === 0 || limit <= 0) return [];
      const { rows } = await q<{ id: string; failure_type: string; signature_text: string; shared: number }>(pool, "findSimilar", [
        bands,
        limit,
        excludeSignature,
        maxPatternsPerBand,
      ]);
      return rows.map((r) => ({ id: r.id, failureType: r.failure_type as FailureType, signatureText: r.signature_text, sharedBands: Number(r.shared) }));
    },

    async claimSimilar({ patternIds, qualifying }) {
      const ids = patternIds.filter((id) => UUID.test(id));
      if (ids.length === 0) return [];
      const { rows } = await q<PatternWithFixesRow>(pool, "claimSimilar", [ids, qualifying.minConfidence, qualifying.minSuccessCount]);
      return rows.map(withFixes);
    },

    async addFix({ pattern, fix, at }) {
      return transaction(async (tx) => {
        // The upsert locks the pattern row: concurrent adds of the same fix to it are serialized here.
        const p = (await q<PatternRow>(tx, "upsertPattern", patternValues(pattern, at))).rows[0]!;
        const existing = (await q<FixRow>(tx, "fixByContent", [p.id, fix.contentHash])).rows[0];
        if (existing) return { pattern: toPattern(p), fix: toFix(existing), created: false };
        const created = (await q<FixRow>(tx, "insertFix", [randomUUID(), fix.strategy, JSON.stringify(fix.changes), fix.contentHash, at, p.id])).rows[0]!;
        return { pattern: toPattern(p), fix: toFix(created), created: true };
      });
    },

    async linkFix({ signature, fixId, weight }) {
      if (!UUID.test(fixId)) return false;
      const { rows } = await q<{ pattern_id: string | null; fix_exists: boolean }>(pool, "linkFix", [signature, fixId, weight]);
      return Boolean(rows[0]?.pattern_id && rows[0].fix_exists);
    },

    async recordOutcome({ fixId, outcome, at, confidence }) {
      if (!UUID.test(fixId)) return null;
      const d = outcomeDeltas(outcome);
      return transaction(async (tx) => {
        // The UPDATE holds the row lock until commit, so the counts read back are this transaction's own.
        const row = (await q<FixRow>(tx, "addOutcome", [fixId, d.appliedCount, d.successCount, d.failureCount, d.rejectedCount, at])).rows[0];
        if (!row) return null;
        const fix = toFix(row);
        fix.confidence = confidence(fix);
        await q(tx, "setConfidence", [fixId, fix.confidence]);
        return fix;
      });
    },

    async getFix(fixId) {
      if (!UUID.test(fixId)) return null;
      const { rows } = await q<FixRow>(pool, "getFix", [fixId]);
      return rows[0] ? toFix(rows[0]) : null;
    },

    async patternsOfFix(fixId) {
      if (!UUID.test(fixId)) return [];
      return (await q<PatternRow>(pool, "patternsOfFix", [fixId])).rows.map(toPattern);
    },

    async stats(visible) {
      const totals = (await q<{ patterns: number; fixes: number; average: number }>(pool, "totals", [visible?.signatures ?? null, visible?.fixIds.filter((id) => UUID.test(id)) ?? null])).rows[0]!;
      const types = (await q<{ type: string; count: number }>(pool, "topTypes", [visible?.signatures ?? null])).rows;
      return {
        totalPatterns: Number(totals.patterns),
        totalFixes: Number(totals.fixes),
        averageConfidence: Number(totals.average),
        topFailureTypes: types.map((t) => ({ type: t.type as FailureType, count: Number(t.count) })),
      };
    },

    async listPatterns({ failureType, limit, offset, visible }) {
      const { rows } = await q<PatternRow & { fix_count: number; best_confidence: number }>(pool, "listPatterns", [
        failureType ?? null, limit, offset, visible?.signatures ?? null, visible?.fixIds.filter((id) => UUID.test(id)) ?? null,
      ]);
      return rows.map(toSummary);
    },

    async listFixes(patternId, visible) {
      if (!UUID.test(patternId)) return null;
      const { rows } = await q<PatternWithFixesRow>(pool, "patternById", [patternId]);
      return rows[0] ? visibleFixes(withFixes(rows[0]), visible) : null;
    },

    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
