// The app's own path on both engines: sendEvents() → the engine → the app's workflows (inngest/functions),
// with the real Inngest dev server executing what /api/inngest's serve() would serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { closeKnowledgeBase, knowledgeBase } from "@/server/knowledge/current-knowledge-base";
import { recordFix } from "@/server/knowledge/record-fix";
import { useTestDatabase } from "@/test/database";
import { startWorkflowEngine, type EngineName, type WorkflowEngineHarness } from "@/test/workflow-engines";
import { sendEvents } from "./send";

useTestDatabase();
afterAll(() => closeKnowledgeBase());

describe.each<EngineName>(["embedded", "inngest"])("sendEvents on the %s engine", (engine) => {
  let harness: WorkflowEngineHarness;
  beforeAll(async () => {
    harness = await startWorkflowEngine(engine);
  }, 180_000);
  afterAll(() => harness?.stop());

  it("teaches the knowledge base a rejection through the app's reject-session workflow", async () => {
    const signature = (engine === "embedded" ? "a1" : "b2").repeat(32);
    const { fix } = await recordFix({
      failure: { failureType: "TEST_FAILURE", signature, signatureText: `TEST_FAILURE\nnot ok N - ${engine}` },
      strategy: "Use the rate as a reduction",
      changes: [{ path: "src/pricing.js", content: "x\n", originalContent: `${engine}\n` }],
    });
    const session = await db().healingSession.create({
      data: { repoFullName: `octo/${engine}`, branch: "main", commitSha: "c".repeat(40), status: "REJECTED", kbFixId: fix.id, source: "KNOWLEDGE_BASE", signature },
    });
    const sessionId = session.id.toString();
    await sendEvents([{ name: "infraflow/session.rejected", id: `rejected-${engine}`, data: { sessionId, repoFullName: `octo/${engine}`, branch: "main" } }]);
    const run = await harness.waitForRun("reject-session", (r) => r.event.data.sessionId === sessionId);
    expect(run).toMatchObject({ status: "COMPLETED", output: { learned: true } });
    expect(await knowledgeBase().getFix(fix.id)).toMatchObject({ rejectedCount: 1 });
  });
});
