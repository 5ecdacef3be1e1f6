// The app's own path on both engines: sendEvents() → the engine → the app's workflows (inngest/functions),
// with the real Inngest dev server executing what /api/inngest's serve() would serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { closeKnowledgeBase } from "@/server/knowledge/current-knowledge-base";
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

  it("records a fix's CI verdict through the app's record-fix-outcome workflow", async () => {
    const session = await db().healingSession.create({
      data: { repoFullName: `octo/${engine}`, branch: "main", commitSha: "c".repeat(40), status: "APPLIED", fixBranch: `auto-fix/${engine}` },
    });
    const healingSessionId = session.id.toString();
    await sendEvents([{ name: "infraflow/fix-run.completed", id: `verdict-${engine}`, data: { healingSessionId, pipelineEventId: "1", conclusion: "failure", deliveryId: `d-${engine}` } }]);
    const run = await harness.waitForRun("record-fix-outcome", (r) => r.event.data.healingSessionId === healingSessionId);
    expect(run).toMatchObject({ status: "COMPLETED", output: { learned: false, outcome: "FAILED" } });
    expect((await db().healingSession.findUniqueOrThrow({ where: { id: session.id } })).outcome).toBe("FAILED");
  });
});
