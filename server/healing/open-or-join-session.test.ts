// At most one open session per repository + branch + signature, even when failures arrive at once.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "../db/client";
import { openOrJoinSession, type FailureOccurrence } from "./open-or-join-session";

async function failure(runId: number, over: Partial<FailureOccurrence> = {}): Promise<FailureOccurrence> {
  const ev = await db().pipelineEvent.create({
    data: { repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), workflowName: "CI", status: "failure", runId: BigInt(runId) },
  });
  return {
    pipelineEventId: ev.id, repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), runId: String(runId),
    failureType: "TEST_FAILURE", signature: "ab".repeat(32), signatureText: "TEST_FAILURE\nx", excerpt: "x", demo: false, ...over,
  };
}

describe("openOrJoinSession", () => {
  useTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe("TRUNCATE healing_sessions, fix_audit_log, pipeline_events RESTART IDENTITY CASCADE");
  });

  it("five failures at once open one session; the others join it with an audit entry each", async () => {
    const failures = await Promise.all([1, 2, 3, 4, 5].map((n) => failure(n)));
    const results = await Promise.all(failures.map((f) => openOrJoinSession(db(), f)));
    expect(results.filter((r) => r.opened)).toHaveLength(1);
    expect(new Set(results.map((r) => r.sessionId.toString())).size).toBe(1);
    expect(await db().healingSession.count()).toBe(1);
    const audit = await db().fixAuditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["SESSION_OPENED", "FAILURE_REPEATED", "FAILURE_REPEATED", "FAILURE_REPEATED", "FAILURE_REPEATED"]);
  });

  it("another branch or signature opens its own; a closed session (rejected, verified) no longer holds the failure", async () => {
    const first = await openOrJoinSession(db(), await failure(1));
    expect((await openOrJoinSession(db(), await failure(2, { branch: "feature/x" }))).opened).toBe(true);
    expect((await openOrJoinSession(db(), await failure(3, { signature: "cd".repeat(32) }))).opened).toBe(true);
    await db().healingSession.update({ where: { id: first.sessionId }, data: { status: "APPLIED" } });
    expect((await openOrJoinSession(db(), await failure(4))).opened).toBe(false); // applied, CI not decided yet
    await db().healingSession.update({ where: { id: first.sessionId }, data: { outcome: "SUCCEEDED" } });
    expect((await openOrJoinSession(db(), await failure(5))).opened).toBe(true);
  });

  it("a retried open for the same pipeline event joins silently (no repeat entry)", async () => {
    const f = await failure(1);
    const a = await openOrJoinSession(db(), f);
    const b = await openOrJoinSession(db(), f);
    expect(b).toMatchObject({ opened: false, sessionId: a.sessionId });
    expect(await db().fixAuditLog.count({ where: { action: "FAILURE_REPEATED" } })).toBe(0);
  });
});
