// The knowledge base on Neo4j: the runbook's graph (:FailurePattern)-[:HAS_FIX {weight}]->(:Fix) with the
// §7 properties, plus (:FailurePattern)-[:IN_BAND]->(:SignatureBand {key}) for the similarity lookup.
// One session per unit of work, closed in finally; writes run as managed transactions (retried on
// transient errors such as deadlocks).
import { randomUUID } from "node:crypto";
import neo4j, { isRetryableError, type Driver, type ManagedTransaction, type Session } from "neo4j-driver";
import type { KnowledgeBase, PatternInput } from "../knowledge-base";
import { outcomeDeltas } from "../outcome-deltas";
import { sortFixes } from "../fix-ordering";
import type { FailureType } from "../../analysis/failure-types";
import { ensureNeo4jSchema } from "./neo4j-schema";
import { neoDateTime, toFix, toPattern, toPatternFix } from "./map-records";
import { MERGE_PATTERN } from "./cypher";

type Props = Record<string, unknown>;

export interface Neo4jKnowledgeBaseOptions {
  driver: Driver;
  database?: string;
  /** Close the driver in close() (when the adapter made it). */
  ownsDriver?: boolean;
}

export function createNeo4jKnowledgeBase(options: Neo4jKnowledgeBaseOptions): KnowledgeBase {
  const { driver, database } = options;
  let schema: Promise<void> | undefined;

  async function withSession<T>(mode: "READ" | "WRITE", work: (s: Session) => Promise<T>): Promise<T> {
    schema ??= ensureNeo4jSchema(driver, database).catch((e) => {
      schema = undefined;
      throw e;
    });
    await schema;
    const session = driver.session({ database, defaultAccessMode: mode });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  // Reads are single queries: an auto-commit transaction is one round trip (a managed one adds a COMMIT).
  const read = (query: string, params: Record<string, unknown>) => withSession("READ", (s) => s.run(query, params));
  const write = <T>(work: (tx: ManagedTransaction) => Promise<T>) => withSession("WRITE", (s) => s.executeWrite(work));
  // A single-statement write on the lookup path: auto-commit saves the COMMIT round trip of a managed
  // transaction; transient errors (deadlock, leader switch) are retried here as executeWrite would.
  const writeOne = async (query: string, params: Record<string, unknown>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withSession("WRITE", (s) => s.run(query, params));
      } catch (e) {
        if (attempt >= 5 || !isRetryableError(e)) throw e;
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
  };

  function patternParams(pattern: PatternInput, at: Date) {
    return {
      id: randomUUID(),
      failureType: pattern.failureType,
      signature: pattern.signature,
      signatureText: pattern.signatureText,
      bands: pattern.bands,
      at: neoDateTime(at),
    };
  }

  const withFixes = (rows: { get(k: string): unknown }[]) =>
    rows.map((r) => ({ pattern: toPattern(r.get("pattern") as Props), fixes: sortFixes((r.get("fixes") as Props[]).map(toPatternFix)) }));

  return {
    kind: "neo4j",

    async findPattern(signature) {
      const res = await read(
        `MATCH (p:FailurePattern {signature: $signature})
         OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
         RETURN p {.*} AS pattern, collect(f {.*, weight: r.weight}) AS fixes`,
        { signature },
      );
      return withFixes(res.records)[0] ?? null;
    },

    async sightPattern({ pattern, qualifying, at }) {
      const res = await writeOne(
        `${MERGE_PATTERN}
         OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
         WITH p, collect(f {.*, weight: r.weight}) AS fixes
         SET p.hitCount = p.hitCount +
           CASE WHEN any(x IN fixes WHERE x.confidence >= $minConfidence AND x.successCount >= $minSuccessCount) THEN 1 ELSE 0 END
         RETURN p {.*} AS pattern, fixes`,
        { ...patternParams(pattern, at), minConfidence: qualifying.minConfidence, minSuccessCount: qualifying.minSuccessCount },
      );
      return withFixes(res.records)[0]!;
    },

    async findSimilar({ bands, excludeSignature, limit, maxPatternsPerBand }) {
      if (bands.length === 0 || limit <= 0) return [];
      // A node's degree is read from the store without walking its relationships.
      const res = await read(
        `MATCH (b:SignatureBand) WHERE b.key IN $bands AND COUNT { (b)<-[:IN_BAND]-() } <= $maxPerBand
         MATCH (b)<-[:IN_BAND]-(p:FailurePattern)
         WITH p, count(*) AS shared WHERE p.signature <> $exclude
         RETURN p.id AS id, p.failureType AS failureType, p.signatureText AS signatureText, shared
         ORDER BY shared DESC, id LIMIT $limit`,
        { bands, exclude: excludeSignature, limit: neo4j.int(limit), maxPerBand: neo4j.int(maxPatternsPerBand) },
      );
      return res.records.map((r) => ({
        id: r.get("id") as string,
        failureType: r.get("failureType") as FailureType,
        signatureText: r.get("signatureText") as string,
        sharedBands: Number(r.get("shared")),
      }));
    },

    async claimSimilar({ patternIds, qualifying, at }) {
      if (patternIds.length === 0) return [];
      // The hit: SET lastHitAt takes the write lock before hitCount is read and incremented.
      const res = await writeOne(
        `UNWIND range(0, size($ids) - 1) AS i
         MATCH (p:FailurePattern {id: $ids[i]})
         OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
         WITH i, p, collect(f {.*, weight: r.weight}) AS fixes ORDER BY i
         WITH collect({i: i, pattern: p {.*}, node: p, fixes: fixes}) AS rows
         WITH rows, [x IN rows WHERE any(f IN x.fixes WHERE f.confidence >= $minConfidence AND f.successCount >= $minSuccessCount) | x.node] AS winners
         CALL (winners) {
           UNWIND winners[0..1] AS h
           SET h.lastHitAt = $at
           WITH h SET h.hitCount = h.hitCount + 1
         }
         UNWIND rows AS x
         RETURN x.pattern AS pattern, x.fixes AS fixes ORDER BY x.i`,
        { ids: patternIds, minConfidence: qualifying.minConfidence, minSuccessCount: qualifying.minSuccessCount, at: neoDateTime(at) },
      );
      return withFixes(res.records);
    },

    async addFix({ pattern, fix, at }) {
      const params = { ...patternParams(pattern, at), contentHash: fix.contentHash };
      return write(async (tx) => {
        const merged = await tx.run(`${MERGE_PATTERN} RETURN p {.*} AS pattern`, params);
        const p = toPattern(merged.records[0]!.get("pattern") as Props);
        const existing = await tx.run(
          `MATCH (:FailurePattern {id: $patternId})-[:HAS_FIX]->(f:Fix {contentHash: $contentHash}) RETURN f {.*} AS fix LIMIT 1`,
          { patternId: p.id, contentHash: fix.contentHash },
        );
        if (existing.records.length > 0) return { pattern: p, fix: toFix(existing.records[0]!.get("fix") as Props), created: false };
        const created = await tx.run(
          `MATCH (p:FailurePattern {id: $patternId})
           CREATE (f:Fix {id: $id, strategy: $strategy, fileDiffs: $fileDiffs, contentHash: $contentHash,
                          confidence: 0.0, successCount: 0, failureCount: 0, rejectedCount: 0, appliedCount: 0,
                          createdAt: $at, updatedAt: $at})
           CREATE (p)-[:HAS_FIX {weight: 1.0}]->(f)
           RETURN f {.*} AS fix`,
          { patternId: p.id, id: randomUUID(), strategy: fix.strategy, fileDiffs: JSON.stringify(fix.changes), contentHash: fix.contentHash, at: neoDateTime(at) },
        );
        return { pattern: p, fix: toFix(created.records[0]!.get("fix") as Props), created: true };
      });
    },

    async linkFix({ signature, fixId, weight }) {
      const res = await write((tx) =>
        tx.run(
          `OPTIONAL MATCH (p:FailurePattern {signature: $signature})
           OPTIONAL MATCH (f:Fix {id: $fixId})
           FOREACH (_ IN CASE WHEN p IS NOT NULL AND f IS NOT NULL THEN [1] ELSE [] END |
             MERGE (p)-[r:HAS_FIX]->(f) ON CREATE SET r.weight = $weight)
           RETURN p IS NOT NULL AND f IS NOT NULL AS ok`,
          { signature, fixId, weight },
        ),
      );
      return res.records[0]?.get("ok") === true;
    },

    async recordOutcome({ fixId, outcome, at, confidence }) {
      const d = outcomeDeltas(outcome);
      return write(async (tx) => {
        // SET updatedAt first: it takes the write lock, so the increments below cannot lose an update.
        const res = await tx.run(
          `MATCH (f:Fix {id: $fixId}) SET f.updatedAt = $at
           WITH f SET f.appliedCount = f.appliedCount + $applied, f.successCount = f.successCount + $success,
                      f.failureCount = f.failureCount + $failure, f.rejectedCount = f.rejectedCount + $rejected
           RETURN f {.*} AS fix`,
          {
            fixId,
            at: neoDateTime(at),
            applied: neo4j.int(d.appliedCount),
            success: neo4j.int(d.successCount),
            failure: neo4j.int(d.failureCount),
            rejected: neo4j.int(d.rejectedCount),
          },
        );
        if (res.records.length === 0) return null;
        const fix = toFix(res.records[0]!.get("fix") as Props);
        fix.confidence = confidence(fix);
        await tx.run(`MATCH (f:Fix {id: $fixId}) SET f.confidence = $confidence`, { fixId, confidence: fix.confidence });
        return fix;
      });
    },

    async getFix(fixId) {
      const res = await read(`MATCH (f:Fix {id: $fixId}) RETURN f {.*} AS fix`, { fixId });
      return res.records[0] ? toFix(res.records[0].get("fix") as Props) : null;
    },

    async patternsOfFix(fixId) {
      const res = await read(
        `MATCH (p:FailurePattern)-[r:HAS_FIX]->(:Fix {id: $fixId}) RETURN p {.*} AS pattern ORDER BY r.weight DESC, p.id`,
        { fixId },
      );
      return res.records.map((r) => toPattern(r.get("pattern") as Props));
    },

    async stats() {
      return withSession("READ", (s) => s.executeRead(async (tx) => {
        const patterns = await tx.run(`MATCH (p:FailurePattern) RETURN count(p) AS n`);
        const fixes = await tx.run(`MATCH (f:Fix) RETURN count(f) AS n, coalesce(avg(f.confidence), 0.0) AS average`);
        const types = await tx.run(
          `MATCH (p:FailurePattern) RETURN p.failureType AS type, count(p) AS count ORDER BY count DESC, type LIMIT 10`,
        );
        return {
          totalPatterns: Number(patterns.records[0]!.get("n")),
          totalFixes: Number(fixes.records[0]!.get("n")),
          averageConfidence: Number(fixes.records[0]!.get("average")),
          topFailureTypes: types.records.map((r) => ({ type: r.get("type") as FailureType, count: Number(r.get("count")) })),
        };
      }));
    },

    async listPatterns({ failureType, limit, offset }) {
      const res = await read(
        `MATCH (p:FailurePattern) WHERE $type IS NULL OR p.failureType = $type
         WITH p ORDER BY p.hitCount DESC, p.lastSeenAt DESC, p.id SKIP $offset LIMIT $limit
         OPTIONAL MATCH (p)-[:HAS_FIX]->(f:Fix)
         WITH p, count(f) AS fixCount, coalesce(max(f.confidence), 0.0) AS best
         RETURN p {.*} AS pattern, fixCount, best ORDER BY p.hitCount DESC, p.lastSeenAt DESC, p.id`,
        { type: failureType ?? null, offset: neo4j.int(offset), limit: neo4j.int(limit) },
      );
      return res.records.map((r) => ({
        ...toPattern(r.get("pattern") as Props),
        fixCount: Number(r.get("fixCount")),
        bestConfidence: Number(r.get("best")),
      }));
    },

    async listFixes(patternId) {
      const res = await read(
        `MATCH (p:FailurePattern {id: $patternId})
         OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
         RETURN p {.*} AS pattern, collect(f {.*, weight: r.weight}) AS fixes`,
        { patternId },
      );
      return withFixes(res.records)[0]?.fixes ?? null;
    },

    async close() {
      if (options.ownsDriver) await driver.close();
    },
  };
}
