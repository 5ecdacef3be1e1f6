// The embedded default: the knowledge graph in PostgreSQL tables (kb_failure_patterns -[kb_pattern_fixes
// {weight}]-> kb_fixes, plus kb_pattern_bands for similarity). The hot path is one SQL statement per step.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { KnowledgeBase, PatternInput } from "../knowledge-base";
import { outcomeDeltas } from "../outcome-deltas";
import { BAND_FANOUT } from "../signature-similarity";
import { sortFixes } from "../fix-ordering";
import type { FailureType } from "../../analysis/failure-types";
import { toFix, toPattern, toPatternFix, toSummary, type FixRow, type PatternRow } from "./map-rows";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The fixes of each pattern row, as JSON (one round trip for a pattern and its fixes).
const FIXES_JSON = `COALESCE((
  SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('weight', pf.weight))
  FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id WHERE pf.pattern_id = p.id), '[]'::jsonb) AS fixes`;

type PatternWithFixesRow = PatternRow & { fixes: FixRow[] };

export function createPostgresKnowledgeBase(options: { db: () => Db }): KnowledgeBase {
  const db = options.db;

  async function upsertPattern(sql: Sql, pattern: PatternInput, at: Date, hitPatternId?: string): Promise<PatternRow> {
    const hit = hitPatternId && UUID.test(hitPatternId) ? hitPatternId : null;
    const [row] = await sql.$queryRaw<(PatternRow & { inserted: boolean })[]>`
      INSERT INTO kb_failure_patterns (id, failure_type, signature, signature_text, hit_count, first_seen_at, last_seen_at)
      VALUES (${randomUUID()}::uuid, ${pattern.failureType}, ${pattern.signature}, ${pattern.signatureText}, 0, ${at}, ${at})
      ON CONFLICT (signature) DO UPDATE SET
        last_seen_at = GREATEST(kb_failure_patterns.last_seen_at, EXCLUDED.last_seen_at),
        hit_count = kb_failure_patterns.hit_count + CASE WHEN kb_failure_patterns.id = ${hit}::uuid THEN 1 ELSE 0 END
      RETURNING *, (xmax = 0) AS inserted`;
    if (row!.inserted && pattern.bands.length > 0) {
      await sql.$executeRaw`
        INSERT INTO kb_pattern_bands (band, pattern_id)
        SELECT unnest(${pattern.bands}::text[]), ${row!.id}::uuid ON CONFLICT DO NOTHING`;
    }
    return row!;
  }

  return {
    kind: "postgres",

    async findPattern(signature) {
      const rows = await db().$queryRawUnsafe<PatternWithFixesRow[]>(
        `SELECT p.*, ${FIXES_JSON} FROM kb_failure_patterns p WHERE p.signature = $1`,
        signature,
      );
      const row = rows[0];
      return row ? { pattern: toPattern(row), fixes: sortFixes(row.fixes.map(toPatternFix)) } : null;
    },

    async findSimilar({ bands, excludeSignature, limit }) {
      if (bands.length === 0 || limit <= 0) return [];
      const rows = await db().$queryRawUnsafe<(PatternWithFixesRow & { shared: number })[]>(
        `WITH c AS (
           SELECT x.pattern_id, count(*)::int AS shared
           FROM unnest($1::text[]) AS q(band)
           CROSS JOIN LATERAL (SELECT pattern_id FROM kb_pattern_bands b WHERE b.band = q.band LIMIT ${BAND_FANOUT}) x
           GROUP BY x.pattern_id ORDER BY shared DESC, x.pattern_id LIMIT $2)
         SELECT p.*, c.shared, ${FIXES_JSON}
         FROM c JOIN kb_failure_patterns p ON p.id = c.pattern_id
         WHERE p.signature <> $3 ORDER BY c.shared DESC, p.id`,
        bands,
        limit + 1,
        excludeSignature,
      );
      return rows.slice(0, limit).map((r) => ({
        pattern: toPattern(r),
        fixes: sortFixes(r.fixes.map(toPatternFix)),
        sharedBands: Number(r.shared),
      }));
    },

    async recordSighting({ pattern, hitPatternId, at }) {
      // Exact hits (the common case) touch one row in one statement; a similar hit also bumps the other.
      const run = async (sql: Sql) => {
        const row = await upsertPattern(sql, pattern, at, hitPatternId);
        if (hitPatternId && hitPatternId !== row.id && UUID.test(hitPatternId)) {
          await sql.$executeRaw`UPDATE kb_failure_patterns SET hit_count = hit_count + 1 WHERE id = ${hitPatternId}::uuid`;
        }
        return toPattern(row);
      };
      return hitPatternId ? db().$transaction((tx) => run(tx)) : run(db());
    },

    async addFix({ pattern, fix, at }) {
      return db().$transaction(async (tx) => {
        // The upsert locks the pattern row: concurrent adds of the same fix to it are serialized here.
        const p = await upsertPattern(tx, pattern, at);
        const [existing] = await tx.$queryRaw<FixRow[]>`
          SELECT f.* FROM kb_fixes f JOIN kb_pattern_fixes pf ON pf.fix_id = f.id
          WHERE pf.pattern_id = ${p.id}::uuid AND f.content_hash = ${fix.contentHash} LIMIT 1`;
        if (existing) return { pattern: toPattern(p), fix: toFix(existing), created: false };
        const [created] = await tx.$queryRaw<FixRow[]>`
          INSERT INTO kb_fixes (id, strategy, file_diffs, content_hash, created_at, updated_at)
          VALUES (${randomUUID()}::uuid, ${fix.strategy}, ${JSON.stringify(fix.changes)}, ${fix.contentHash}, ${at}, ${at})
          RETURNING *`;
        await tx.$executeRaw`INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight) VALUES (${p.id}::uuid, ${created!.id}::uuid, 1)`;
        return { pattern: toPattern(p), fix: toFix(created!), created: true };
      });
    },

    async linkFix({ signature, fixId, weight }) {
      if (!UUID.test(fixId)) return false;
      const [row] = await db().$queryRaw<{ pattern_id: string | null; fix_exists: boolean }[]>`
        WITH p AS (SELECT id FROM kb_failure_patterns WHERE signature = ${signature}),
             f AS (SELECT id FROM kb_fixes WHERE id = ${fixId}::uuid),
             ins AS (INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight)
                     SELECT p.id, f.id, ${weight} FROM p, f ON CONFLICT DO NOTHING)
        SELECT (SELECT id FROM p) AS pattern_id, EXISTS (SELECT 1 FROM f) AS fix_exists`;
      return Boolean(row?.pattern_id && row.fix_exists);
    },

    async recordOutcome({ fixId, outcome, at, confidence }) {
      if (!UUID.test(fixId)) return null;
      const d = outcomeDeltas(outcome);
      return db().$transaction(async (tx) => {
        // The UPDATE holds the row lock until commit, so the counts read back are this transaction's own.
        const [row] = await tx.$queryRaw<FixRow[]>`
          UPDATE kb_fixes SET
            applied_count = applied_count + ${d.appliedCount}, success_count = success_count + ${d.successCount},
            failure_count = failure_count + ${d.failureCount}, rejected_count = rejected_count + ${d.rejectedCount},
            updated_at = ${at}
          WHERE id = ${fixId}::uuid RETURNING *`;
        if (!row) return null;
        const fix = toFix(row);
        fix.confidence = confidence(fix);
        await tx.$executeRaw`UPDATE kb_fixes SET confidence = ${fix.confidence} WHERE id = ${fixId}::uuid`;
        return fix;
      });
    },

    async getFix(fixId) {
      if (!UUID.test(fixId)) return null;
      const [row] = await db().$queryRaw<FixRow[]>`SELECT * FROM kb_fixes WHERE id = ${fixId}::uuid`;
      return row ? toFix(row) : null;
    },

    async patternsOfFix(fixId) {
      if (!UUID.test(fixId)) return [];
      const rows = await db().$queryRaw<PatternRow[]>`
        SELECT p.* FROM kb_failure_patterns p JOIN kb_pattern_fixes pf ON pf.pattern_id = p.id
        WHERE pf.fix_id = ${fixId}::uuid ORDER BY pf.weight DESC, p.id`;
      return rows.map(toPattern);
    },

    async stats() {
      const [totals] = await db().$queryRaw<{ patterns: number; fixes: number; average: number }[]>`
        SELECT (SELECT count(*)::int FROM kb_failure_patterns) AS patterns,
               (SELECT count(*)::int FROM kb_fixes) AS fixes,
               (SELECT COALESCE(avg(confidence), 0)::float8 FROM kb_fixes) AS average`;
      const types = await db().$queryRaw<{ type: string; count: number }[]>`
        SELECT failure_type AS type, count(*)::int AS count FROM kb_failure_patterns
        GROUP BY failure_type ORDER BY count DESC, failure_type LIMIT 10`;
      return {
        totalPatterns: Number(totals!.patterns),
        totalFixes: Number(totals!.fixes),
        averageConfidence: Number(totals!.average),
        topFailureTypes: types.map((t) => ({ type: t.type as FailureType, count: Number(t.count) })),
      };
    },

    async listPatterns({ failureType, limit, offset }) {
      const rows = await db().$queryRaw<(PatternRow & { fix_count: number; best_confidence: number })[]>`
        WITH page AS (
          SELECT * FROM kb_failure_patterns WHERE (${failureType ?? null}::text IS NULL OR failure_type = ${failureType ?? null})
          ORDER BY hit_count DESC, last_seen_at DESC, id LIMIT ${limit} OFFSET ${offset})
        SELECT page.*,
          (SELECT count(*)::int FROM kb_pattern_fixes pf WHERE pf.pattern_id = page.id) AS fix_count,
          (SELECT COALESCE(max(f.confidence), 0)::float8 FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id
            WHERE pf.pattern_id = page.id) AS best_confidence
        FROM page ORDER BY hit_count DESC, last_seen_at DESC, id`;
      return rows.map(toSummary);
    },

    async listFixes(patternId) {
      if (!UUID.test(patternId)) return null;
      const rows = await db().$queryRawUnsafe<PatternWithFixesRow[]>(
        `SELECT p.*, ${FIXES_JSON} FROM kb_failure_patterns p WHERE p.id = $1::uuid`,
        patternId,
      );
      return rows[0] ? sortFixes(rows[0].fixes.map(toPatternFix)) : null;
    },

    async close() {
      // The Prisma client is the process's (db()); nothing of our own to release.
    },
  };
}
