// The runbook's Cypher (§7 key queries, §10 Neo4j Browser queries), verbatim but for their `--` comment
// lines, run on a graph written by the domain functions: operators' queries keep working on our data.
import { beforeAll, describe, expect, it } from "vitest";
import { clearNeo4j, useTestNeo4j } from "@/tools/neo4j-harness/use-test-neo4j";
import { wilsonLowerBound } from "../fix-confidence";
import type { KnowledgeBase } from "../knowledge-base";
import { lookupFix } from "../lookup-fix";
import { recordFix } from "../record-fix";
import { recordFixOutcome } from "../record-fix-outcome";
import { capturingLogger, failure, OTHER_FIX, PATCH_FIX } from "../testing/kb-fixtures";
import { createNeo4jKnowledgeBase } from "./neo4j-knowledge-base";

const FIND_CACHED_FIXES = `MATCH (p:FailurePattern)-[:HAS_FIX]->(f:Fix)
WHERE p.signature = $sig AND f.confidence >= $threshold
RETURN f ORDER BY f.confidence DESC LIMIT 1`;

const UPDATE_CONFIDENCE_AFTER_APPROVAL = `MATCH (f:Fix { id: $fixId })
SET f.successCount = f.successCount + 1,
    f.confidence = toFloat(f.successCount) / toFloat(f.appliedCount),
    f.updatedAt = datetime()`;

const PATTERNS_BY_FAILURE_TYPE = `MATCH (p:FailurePattern)
RETURN p.failureType AS type, count(p) AS patterns
ORDER BY patterns DESC`;

const ALL_FAILURE_PATTERNS = `MATCH (p:FailurePattern) RETURN p ORDER BY p.hitCount DESC LIMIT 20`;

const PATTERNS_WITH_BEST_FIX = `MATCH (p:FailurePattern)-[:HAS_FIX]->(f:Fix)
RETURN p.failureType, p.signature, f.confidence, f.successCount
ORDER BY f.confidence DESC LIMIT 20`;

const FULL_GRAPH = `MATCH (p:FailurePattern)-[r:HAS_FIX]->(f:Fix)
RETURN p, r, f LIMIT 50`;

describe("runbook Cypher on the knowledge graph we write (real Neo4j)", () => {
  const neo4j = useTestNeo4j();
  let kb: KnowledgeBase;
  const compile = failure("BUILD_COMPILE", "cannot find symbol symbol: class Helper location: class app.Service");
  const ts = failure("BUILD_COMPILE", "error TS2322: Type 'string' is not assignable to type 'number'.");
  const test = failure("TEST_FAILURE", "AssertionError: expected 2 to equal 3");
  let provenFixId = "";
  let weakFixId = "";

  const run = async (query: string, params: Record<string, unknown> = {}) => {
    const session = neo4j.driver().session();
    try {
      return (await session.run(query, params)).records;
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    await clearNeo4j(neo4j.driver());
    kb = createNeo4jKnowledgeBase({ driver: neo4j.driver() });
    const options = { kb, log: capturingLogger().log, settings: { enabled: true, minConfidence: 0.7, minSuccessCount: 2, minSimilarity: 0.7 } };
    const proven = await recordFix({ failure: compile, ...PATCH_FIX }, options);
    const weak = await recordFix({ failure: compile, ...OTHER_FIX }, options);
    provenFixId = proven.fix.id;
    weakFixId = weak.fix.id;
    for (let i = 0; i < 5; i++) {
      await recordFixOutcome({ fixId: provenFixId, outcome: "applied" }, options);
      await recordFixOutcome({ fixId: provenFixId, outcome: "succeeded" }, options);
    }
    await recordFixOutcome({ fixId: weakFixId, outcome: "applied" }, options);
    await recordFixOutcome({ fixId: weakFixId, outcome: "succeeded" }, options);
    await recordFix({ failure: ts, ...OTHER_FIX }, options);
    await recordFix({ failure: test, ...OTHER_FIX }, options);
    for (let i = 0; i < 3; i++) await lookupFix(compile, options);
  });

  it("§7 find cached fixes for a pattern: the most confident fix at or above the threshold", async () => {
    const [best] = await run(FIND_CACHED_FIXES, { sig: compile.signature, threshold: 0.7 });
    expect(best!.get("f").properties).toMatchObject({ id: provenFixId, successCount: 5 });
    expect(best!.get("f").properties.confidence).toBeCloseTo(wilsonLowerBound(5, 5), 10);
    expect(await run(FIND_CACHED_FIXES, { sig: compile.signature, threshold: 0.9 })).toEqual([]);
    const [any] = await run(FIND_CACHED_FIXES, { sig: compile.signature, threshold: 0.0 });
    expect(any!.get("f").properties.id).toBe(provenFixId);
  });

  it("§7 get all patterns grouped by failure type, and §10 pattern count by failure type", async () => {
    // The two sections give the same text.
    const rows = (await run(PATTERNS_BY_FAILURE_TYPE)).map((r) => ({ type: r.get("type"), patterns: r.get("patterns") }));
    expect(rows).toEqual([
      { type: "BUILD_COMPILE", patterns: 2 },
      { type: "TEST_FAILURE", patterns: 1 },
    ]);
  });

  it("§10 all failure patterns, most matched first, with the §7 properties", async () => {
    const rows = await run(ALL_FAILURE_PATTERNS);
    expect(rows).toHaveLength(3);
    const first = rows[0]!.get("p");
    expect(first.labels).toEqual(["FailurePattern"]);
    expect(first.properties).toMatchObject({ signature: compile.signature, failureType: "BUILD_COMPILE", hitCount: 3 });
    expect(Object.keys(first.properties)).toEqual(expect.arrayContaining(["id", "failureType", "signature", "hitCount", "firstSeenAt", "lastSeenAt"]));
    expect(first.properties.lastSeenAt.constructor.name).toBe("DateTime");
  });

  it("§10 patterns with their best fix confidence, most confident first", async () => {
    const rows = (await run(PATTERNS_WITH_BEST_FIX)).map((r) => r.toObject());
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ "p.failureType": "BUILD_COMPILE", "p.signature": compile.signature, "f.successCount": 5 });
    expect(rows[0]!["f.confidence"]).toBeCloseTo(wilsonLowerBound(5, 5), 10);
    const confidences = rows.map((r) => r["f.confidence"] as number);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("§10 full graph visualization: patterns, weighted HAS_FIX relationships and fixes", async () => {
    const rows = await run(FULL_GRAPH);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.get("r").type).toBe("HAS_FIX");
      expect(r.get("r").properties.weight).toBe(1);
      expect(r.get("f").labels).toEqual(["Fix"]);
      expect(Object.keys(r.get("f").properties)).toEqual(
        expect.arrayContaining(["id", "strategy", "fileDiffs", "confidence", "successCount", "failureCount", "appliedCount", "createdAt", "updatedAt"]),
      );
      expect(JSON.parse(r.get("f").properties.fileDiffs)).toEqual(expect.any(Array));
    }
  });

  it("§7 update confidence after approval still runs on our properties (we compute a Wilson bound instead)", async () => {
    await run(UPDATE_CONFIDENCE_AFTER_APPROVAL, { fixId: weakFixId });
    const [row] = await run("MATCH (f:Fix {id: $id}) RETURN f", { id: weakFixId });
    const f = row!.get("f").properties;
    expect(f.successCount).toBe(2);
    expect(f.appliedCount).toBe(1);
    // Either reading of the SET order gives a ratio over appliedCount; the point is the types fit.
    expect([1, 2]).toContain(f.confidence);
  });
});
