import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { useTestNeo4j } from "@/tools/neo4j-harness/use-test-neo4j";
import { resetEnvForTests } from "../env";
import { closeKnowledgeBase, knowledgeBase } from "./current-knowledge-base";
import { lookupFix } from "./lookup-fix";
import { recordFix } from "./record-fix";
import { failure, OTHER_FIX } from "./testing/kb-fixtures";

describe("knowledgeBase(): the process's adapter from the environment", () => {
  useTestDatabase();
  const neo4j = useTestNeo4j();
  const saved = { ...process.env };

  afterEach(async () => {
    await closeKnowledgeBase();
    for (const k of ["NEO4J_URI", "KB_ENABLED", "KB_MIN_SUCCESS_COUNT"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvForTests();
  });

  it("uses the PostgreSQL tables when NEO4J_URI is not set", async () => {
    delete process.env.NEO4J_URI;
    resetEnvForTests();
    expect(knowledgeBase().kind).toBe("postgres");
    expect(knowledgeBase()).toBe(knowledgeBase());
    await recordFix({ failure: failure("LINT", "Expected indentation of 2 spaces but found 4 indent"), ...OTHER_FIX });
    expect((await knowledgeBase().stats()).totalPatterns).toBe(1);
  });

  it("uses Neo4j when NEO4J_URI is set", async () => {
    process.env.NEO4J_URI = neo4j.uri();
    resetEnvForTests();
    expect(knowledgeBase().kind).toBe("neo4j");
    const recorded = await recordFix({ failure: failure("LINT", "Missing semicolon semi"), ...OTHER_FIX });
    const session = neo4j.driver().session();
    try {
      const res = await session.run("MATCH (p:FailurePattern)-[:HAS_FIX]->(f:Fix) RETURN p.id AS p, f.id AS f");
      expect(res.records.map((r) => [r.get("p"), r.get("f")])).toContainEqual([recorded.pattern.id, recorded.fix.id]);
    } finally {
      await session.close();
    }
  });

  it("reads KB_ENABLED from the environment: false never queries the knowledge base", async () => {
    delete process.env.NEO4J_URI;
    process.env.KB_ENABLED = "false";
    resetEnvForTests();
    const f = failure("LINT", "Unexpected console statement no-console");
    const before = (await knowledgeBase().stats()).totalPatterns;
    expect(await lookupFix(f)).toEqual({ hit: false, reason: "disabled" });
    expect((await knowledgeBase().stats()).totalPatterns).toBe(before);
    process.env.KB_ENABLED = "true";
    resetEnvForTests();
    expect(await lookupFix(f)).toEqual({ hit: false, reason: "unknown" });
    expect((await knowledgeBase().stats()).totalPatterns).toBe(before + 1);
  });
});
