import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "@/server/db/client";
import { closeKnowledgeBase, knowledgeBase } from "@/server/knowledge/current-knowledge-base";
import { recordFix } from "@/server/knowledge/record-fix";
import { recordFixOutcomeWorkflow } from "./record-fix-outcome";

const failure = { failureType: "TEST_FAILURE", signature: "ab".repeat(32), signatureText: "TEST_FAILURE\nnot ok N - applyDiscount takes the rate off the subtotal" };
const plan = {
  summary: "Apply the discount rate as a reduction",
  strategy: "Multiply the subtotal by (1 - rate) instead of rate",
  confidence: 0.9,
  changes: [{ path: "src/pricing.js", action: "modify", content: "const f = (s, r) => s * (1 - r);\n", originalContent: "const f = (s, r) => s * r;\n" }],
};

async function appliedSession(over: Record<string, unknown> = {}) {
  return db().healingSession.create({
    data: { repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), status: "APPLIED", fixBranch: "auto-fix/1", source: "LLM", ...failure, fixPlan: plan, ...over },
  });
}

function run(sessionId: bigint, conclusion: string) {
  const t = new InngestTestEngine({ function: recordFixOutcomeWorkflow.fn });
  return t.execute({ events: [{ name: "infraflow/fix-run.completed", data: { healingSessionId: sessionId.toString(), pipelineEventId: "1", conclusion, deliveryId: "d" } }] });
}

describe("record-fix-outcome workflow (@inngest/test, PostgreSQL knowledge base)", () => {
  useTestDatabase();
  afterAll(() => closeKnowledgeBase());
  beforeEach(async () => {
    await closeKnowledgeBase();
    await db().$executeRawUnsafe("TRUNCATE healing_sessions, fix_audit_log RESTART IDENTITY CASCADE");
  });

  it("stores an LLM fix proven by green CI in the knowledge base, once", async () => {
    const session = await appliedSession();
    const { result, error } = await run(session.id, "success");
    expect(error).toBeUndefined();
    expect(result).toEqual({ learned: true, outcome: "SUCCEEDED" });
    const after = await db().healingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.outcome).toBe("SUCCEEDED");
    const fix = await knowledgeBase().getFix(after.kbFixId!);
    expect(fix).toMatchObject({ appliedCount: 1, successCount: 1, failureCount: 0, strategy: plan.strategy });
    expect(fix!.confidence).toBeGreaterThan(0);
    expect(fix!.confidence).toBeLessThan(1); // one success is not "100%"
    expect((await db().fixAuditLog.findMany({ where: { sessionId: session.id } })).map((a) => a.action)).toEqual(["CI_PASSED"]);

    // The same verdict again (a redelivery) changes nothing.
    expect((await run(session.id, "success")).result).toEqual({ learned: false, outcome: "SUCCEEDED" });
    expect(await knowledgeBase().getFix(after.kbFixId!)).toMatchObject({ appliedCount: 1, successCount: 1 });
  });

  it("lowers a cached fix's confidence when CI fails on it, and keeps failed LLM fixes out", async () => {
    const { fix } = await recordFix({ failure: { ...failure, failureType: "TEST_FAILURE" }, strategy: plan.strategy, changes: [{ path: "src/pricing.js", content: "x\n", originalContent: "y\n" }] });
    const fromKb = await appliedSession({ kbFixId: fix.id, source: "KNOWLEDGE_BASE" });
    expect((await run(fromKb.id, "failure")).result).toEqual({ learned: true, outcome: "FAILED" });
    expect(await knowledgeBase().getFix(fix.id)).toMatchObject({ failureCount: 1, successCount: 0, confidence: 0 });

    const llm = await appliedSession({ signature: "cd".repeat(32) });
    expect((await run(llm.id, "failure")).result).toEqual({ learned: false, outcome: "FAILED" });
    expect((await db().healingSession.findUniqueOrThrow({ where: { id: llm.id } })).kbFixId).toBeNull();
    expect(await knowledgeBase().findPattern("cd".repeat(32))).toBeNull();
  });

  it("records a cancelled run as inconclusive without an outcome", async () => {
    const session = await appliedSession();
    expect((await run(session.id, "cancelled")).result).toEqual({ learned: false, outcome: null });
    expect((await db().healingSession.findUniqueOrThrow({ where: { id: session.id } })).outcome).toBeNull();
    expect((await db().fixAuditLog.findFirstOrThrow({ where: { sessionId: session.id } })).action).toBe("CI_INCONCLUSIVE");
  });
});
