// Outcome + learning as one idempotent unit keyed by the session (PostgreSQL knowledge base).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "../db/client";
import { closeKnowledgeBase, knowledgeBase } from "../knowledge/current-knowledge-base";
import { recordFix } from "../knowledge/record-fix";
import { recordFixOutcome } from "../knowledge/record-fix-outcome";
import { learnFromOutcome } from "./learn-from-outcome";
import { recordSessionOutcome } from "./record-session-outcome";

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

describe("recordSessionOutcome + learnFromOutcome", () => {
  useTestDatabase();
  afterAll(() => closeKnowledgeBase());
  beforeEach(async () => {
    await closeKnowledgeBase();
    await db().$executeRawUnsafe("TRUNCATE healing_sessions, fix_audit_log, kb_fixes, kb_failure_patterns RESTART IDENTITY CASCADE");
  });

  it("stores an LLM fix proven by green CI once, with MTTR; repeating both steps changes nothing", async () => {
    const session = await appliedSession();
    const recorded = await recordSessionOutcome(db(), { sessionId: session.id, conclusion: "success", completedAt: new Date(session.createdAt.getTime() + 90_000) });
    expect(recorded).toMatchObject({ changed: true, outcome: "SUCCEEDED", mttrSeconds: 90 });
    const learned = await learnFromOutcome(db(), session.id);
    const after = await db().healingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.kbFixId).toBe(learned!.fixId);
    expect(await knowledgeBase().getFix(learned!.fixId)).toMatchObject({ appliedCount: 1, successCount: 1, failureCount: 0, strategy: plan.strategy });

    expect(await recordSessionOutcome(db(), { sessionId: session.id, conclusion: "success" })).toMatchObject({ changed: false, outcome: "SUCCEEDED", mttrSeconds: 90 });
    expect(await learnFromOutcome(db(), session.id)).toEqual(learned);
    expect(await knowledgeBase().getFix(learned!.fixId)).toMatchObject({ appliedCount: 1, successCount: 1 });
    expect((await db().fixAuditLog.findMany({ where: { sessionId: session.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["CI_PASSED", "KB_UPDATED"]);
  });

  it("a learning step that crashed after counting (before marking itself done) does not count again on retry", async () => {
    const { fix } = await recordFix({ failure: { ...failure, failureType: "TEST_FAILURE" }, strategy: plan.strategy, changes: [{ path: "src/pricing.js", content: "x\n", originalContent: "y\n" }] });
    const session = await appliedSession({ kbFixId: fix.id, source: "KNOWLEDGE_BASE" });
    await recordSessionOutcome(db(), { sessionId: session.id, conclusion: "success" });
    // What the interrupted step had done: saved its baseline, then counted both outcomes, then died.
    await db().healingSession.update({ where: { id: session.id }, data: { kbLearning: { fixId: fix.id, baseline: { applied: 0, success: 0, failure: 0 }, done: false, confidence: null } } });
    await recordFixOutcome({ fixId: fix.id, outcome: "applied" });
    await recordFixOutcome({ fixId: fix.id, outcome: "succeeded" });
    await learnFromOutcome(db(), session.id);
    expect(await knowledgeBase().getFix(fix.id)).toMatchObject({ appliedCount: 1, successCount: 1 });
    expect((await db().healingSession.findUniqueOrThrow({ where: { id: session.id } })).kbLearning).toMatchObject({ done: true });
  });

  it("lowers a cached fix's confidence when CI fails on it, and keeps failed LLM fixes out", async () => {
    const { fix } = await recordFix({ failure: { ...failure, failureType: "TEST_FAILURE" }, strategy: plan.strategy, changes: [{ path: "src/pricing.js", content: "x\n", originalContent: "y\n" }] });
    await recordFixOutcome({ fixId: fix.id, outcome: "succeeded" });
    const before = (await knowledgeBase().getFix(fix.id))!.confidence;
    const fromKb = await appliedSession({ kbFixId: fix.id, source: "KNOWLEDGE_BASE" });
    await recordSessionOutcome(db(), { sessionId: fromKb.id, conclusion: "failure" });
    await learnFromOutcome(db(), fromKb.id);
    const after = (await knowledgeBase().getFix(fix.id))!;
    expect(after).toMatchObject({ failureCount: 1, successCount: 1 });
    expect(after.confidence).toBeLessThan(before);

    const llm = await appliedSession({ signature: "cd".repeat(32) });
    await recordSessionOutcome(db(), { sessionId: llm.id, conclusion: "failure" });
    expect(await learnFromOutcome(db(), llm.id)).toBeNull();
    expect((await db().healingSession.findUniqueOrThrow({ where: { id: llm.id } })).kbFixId).toBeNull();
    expect(await knowledgeBase().findPattern("cd".repeat(32))).toBeNull();
  });

  it("records a cancelled run as inconclusive without an outcome, and learns nothing", async () => {
    const session = await appliedSession();
    expect(await recordSessionOutcome(db(), { sessionId: session.id, conclusion: "cancelled" })).toMatchObject({ changed: false, outcome: null });
    expect(await learnFromOutcome(db(), session.id)).toBeNull();
    expect((await db().fixAuditLog.findFirstOrThrow({ where: { sessionId: session.id } })).action).toBe("CI_INCONCLUSIVE");
  });
});
