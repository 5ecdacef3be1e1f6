// The knowledge base on Neo4j: the runbook's graph (:FailurePattern)-[:HAS_FIX {weight}]->(:Fix) with the
// §7 properties, plus (:FailurePattern)-[:IN_BAND]->(:SignatureBand {key}) for the similarity lookup.
// Queries in cypher.ts; sessions and transactions in neo4j-sessions.ts.
import { randomUUID } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";
import type { FailureType } from "../../analysis/failure-types";
import { sortFixes } from "../fix-ordering";
import { visibleFixes, type KnowledgeBase, type PatternInput, type QualifyingFix } from "../knowledge-base";
import { outcomeDeltas } from "../outcome-deltas";
import { CYPHER } from "./cypher";
import { neoDateTime, toFix, toPattern, toPatternFix } from "./map-records";
import { neo4jRunner } from "./neo4j-sessions";

type Props = Record<string, unknown>;
type Row = { get(key: string): unknown };

export interface Neo4jKnowledgeBaseOptions {
  driver: Driver;
  database?: string;
  /** Close the driver in close() (when the adapter made it). */
  ownsDriver?: boolean;
}

const patternParams = (pattern: PatternInput, at: Date) => ({
  id: randomUUID(),
  failureType: pattern.failureType,
  signature: pattern.signature,
  signatureText: pattern.signatureText,
  bands: pattern.bands,
  at: neoDateTime(at),
});

// Only the thresholds: callers may pass a whole settings object.
const thresholds = (q: QualifyingFix) => ({ minConfidence: q.minConfidence, minSuccessCount: q.minSuccessCount });

const withFixes = (rows: Row[]) =>
  rows.map((r) => ({ pattern: toPattern(r.get("pattern") as Props), fixes: sortFixes((r.get("fixes") as Props[]).map(toPatternFix)) }));

export function createNeo4jKnowledgeBase(options: Neo4jKnowledgeBaseOptions): KnowledgeBase {
  const run = neo4jRunner(options.driver, options.database);

  return {
    kind: "neo4j",

    async findPattern(signature) {
      return withFixes((await run.read(CYPHER.findPattern, { signature })).records)[0] ?? null;
    },

    async sightPattern({ pattern, qualifying, at }) {
      const res = await run.writeOne(CYPHER.sightPattern, { ...patternParams(pattern, at), ...thresholds(qualifying) });
      return withFixes(res.records)[0]!;
    },

    async findSimilar({ bands, excludeSignature, limit, maxPatternsPerBand }) {
      if (bands.length === 0 || limit <= 0) return [];
      const res = await run.read(CYPHER.findSimilar, {
        bands,
        exclude: excludeSignature,
        limit: neo4j.int(limit),
        maxPerBand: neo4j.int(maxPatternsPerBand),
      });
      return res.records.map((r) => ({
        id: r.get("id") as string,
        failureType: r.get("failureType") as FailureType,
        signatureText: r.get("signatureText") as string,
        sharedBands: Number(r.get("shared")),
      }));
    },

    async claimSimilar({ patternIds, qualifying, at }) {
      if (patternIds.length === 0) return [];
      return withFixes((await run.writeOne(CYPHER.claimSimilar, { ids: patternIds, ...thresholds(qualifying), at: neoDateTime(at) })).records);
    },

    async addFix({ pattern, fix, at }) {
      return run.write(async (tx) => {
        // MERGE locks the pattern node: concurrent adds of the same fix to it are serialized here.
        const merged = await tx.run(CYPHER.mergePattern, patternParams(pattern, at));
        const p = toPattern(merged.records[0]!.get("pattern") as Props);
        const existing = await tx.run(CYPHER.fixByContent, { patternId: p.id, contentHash: fix.contentHash });
        if (existing.records.length > 0) return { pattern: p, fix: toFix(existing.records[0]!.get("fix") as Props), created: false };
        const created = await tx.run(CYPHER.createFix, {
          patternId: p.id,
          id: randomUUID(),
          strategy: fix.strategy,
          fileDiffs: JSON.stringify(fix.changes),
          contentHash: fix.contentHash,
          at: neoDateTime(at),
        });
        return { pattern: p, fix: toFix(created.records[0]!.get("fix") as Props), created: true };
      });
    },

    async linkFix({ signature, fixId, weight }) {
      const res = await run.write((tx) => tx.run(CYPHER.linkFix, { signature, fixId, weight }));
      return res.records[0]?.get("ok") === true;
    },

    async recordOutcome({ fixId, outcome, at, confidence }) {
      const d = outcomeDeltas(outcome);
      return run.write(async (tx) => {
        const res = await tx.run(CYPHER.addOutcome, {
          fixId,
          at: neoDateTime(at),
          applied: neo4j.int(d.appliedCount),
          success: neo4j.int(d.successCount),
          failure: neo4j.int(d.failureCount),
          rejected: neo4j.int(d.rejectedCount),
        });
        if (res.records.length === 0) return null;
        const fix = toFix(res.records[0]!.get("fix") as Props);
        fix.confidence = confidence(fix);
        await tx.run(CYPHER.setConfidence, { fixId, confidence: fix.confidence });
        return fix;
      });
    },

    async getFix(fixId) {
      const res = await run.read(CYPHER.getFix, { fixId });
      return res.records[0] ? toFix(res.records[0].get("fix") as Props) : null;
    },

    async patternsOfFix(fixId) {
      return (await run.read(CYPHER.patternsOfFix, { fixId })).records.map((r) => toPattern(r.get("pattern") as Props));
    },

    async stats(visible) {
      const params = { signatures: visible?.signatures ?? null, fixIds: visible?.fixIds ?? null };
      return run.session("READ", (s) =>
        s.executeRead(async (tx) => {
          const patterns = await tx.run(CYPHER.countPatterns, params);
          const fixes = await tx.run(CYPHER.countFixes, params);
          const types = await tx.run(CYPHER.topTypes, params);
          return {
            totalPatterns: Number(patterns.records[0]!.get("n")),
            totalFixes: Number(fixes.records[0]!.get("n")),
            averageConfidence: Number(fixes.records[0]!.get("average")),
            topFailureTypes: types.records.map((r) => ({ type: r.get("type") as FailureType, count: Number(r.get("count")) })),
          };
        }),
      );
    },

    async listPatterns({ failureType, limit, offset, visible }) {
      const res = await run.read(CYPHER.listPatterns, {
        type: failureType ?? null, offset: neo4j.int(offset), limit: neo4j.int(limit),
        signatures: visible?.signatures ?? null, fixIds: visible?.fixIds ?? null,
      });
      return res.records.map((r) => ({
        ...toPattern(r.get("pattern") as Props),
        fixCount: Number(r.get("fixCount")),
        bestConfidence: Number(r.get("best")),
      }));
    },

    async listFixes(patternId, visible) {
      const found = withFixes((await run.read(CYPHER.patternById, { patternId })).records)[0];
      return found ? visibleFixes(found, visible) : null;
    },

    async close() {
      if (options.ownsDriver) await options.driver.close();
    },
  };
}
