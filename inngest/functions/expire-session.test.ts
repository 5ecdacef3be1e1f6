// A proposal nobody decides on expires after HEALING_APPROVAL_TTL_HOURS: a durable sleep on the embedded
// runner (journaled wake-up time), then a conditional update that leaves decided sessions alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { useTestDatabase } from "@/test/database";
import { startWorkflowEngine, type WorkflowEngineHarness } from "@/test/workflow-engines";
import { expireSessionWorkflow } from "./expire-session";
import type { Workflow } from "../workflow";

describe("expire-session (embedded runner, PostgreSQL)", () => {
  let engine: WorkflowEngineHarness;
  useTestDatabase();
  beforeAll(async () => {
    engine = await startWorkflowEngine("embedded", { workflows: [expireSessionWorkflow] as Workflow<never>[] });
  });
  afterAll(() => engine?.stop());

  it("sleeps for the TTL, then expires the undecided proposal and leaves a decided one alone", async () => {
    const base = { repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), status: "PENDING_APPROVAL", signature: "ab".repeat(32) };
    const undecided = await db().healingSession.create({ data: base });
    const approved = await db().healingSession.create({ data: { ...base, decidedBy: "octocat" } });
    const sent = Date.now();
    await engine.send([undecided, approved].map((s) => ({ name: "infraflow/session.proposed", id: `p-${s.id}`, data: { sessionId: s.id.toString(), repoFullName: "octo/app", branch: "main" } })));

    const sleeping = async () => db().workflowRun.findMany({ where: { functionId: "expire-session", status: "SLEEPING" } });
    for (let i = 0; (await sleeping()).length < 2; i++) {
      if (i > 200) throw new Error("the runs did not go to sleep");
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const run of await sleeping()) {
      // HEALING_APPROVAL_TTL_HOURS defaults to 168 h.
      expect(run.wakeAt!.getTime() - sent).toBeGreaterThan(167 * 3600_000);
      expect(run.wakeAt!.getTime() - sent).toBeLessThan(169 * 3600_000);
    }
    await db().workflowRun.updateMany({ where: { functionId: "expire-session", status: "SLEEPING" }, data: { wakeAt: new Date() } });
    const runs = await Promise.all([undecided, approved].map((s) => engine.waitForRun("expire-session", (r) => r.event.data.sessionId === s.id.toString())));
    expect(runs.map((r) => r.output)).toEqual([{ expired: true }, { expired: false }]);
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: undecided.id } })).toMatchObject({ status: "FAILED", failureReason: expect.stringContaining("expired") });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ status: "PENDING_APPROVAL" });
    expect((await db().fixAuditLog.findMany({ where: { sessionId: undecided.id } })).map((a) => `${a.actor}:${a.action}`)).toEqual(["SYSTEM:EXPIRED"]);
  });
});
