// Approve / reject / re-code as guarded transitions in PostgreSQL (issue 10 §2), through the same functions
// the server actions and REST routes call (decide-session.ts), and the action result shape.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { captureLogs } from "@/test/capture-logs";
import { grantAccess } from "@/test/grant-access";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { AppError } from "../errors";
import { approveAs, recodeAs, rejectAs } from "./decide-session";
import { runDecisionAction } from "./run-decision-action";
import type { WorkflowEventOut } from "./session-events";

const viewer = { id: 1n, login: "octocat" };
const readOnly = { id: 3n, login: "reader" };
const plan = { summary: "Fix it", strategy: "Fix it well", confidence: 0.8, changes: [{ path: "a.js", action: "modify", content: "b\n", originalContent: "a\n" }] };
let sent: WorkflowEventOut[] = [];
const send = async (e: WorkflowEventOut[]) => void sent.push(...e);

function pending(over: Record<string, unknown> = {}) {
  return db().healingSession.create({
    data: { repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), status: "PENDING_APPROVAL", source: "LLM", signature: "ab".repeat(32), fixPlan: plan, confidenceScore: 0.8, ...over },
  });
}

describe("healing decisions", () => {
  useTestDatabase();
  beforeEach(async () => {
    sent = [];
    process.env.HEALING_MAX_RETRIES = "2";
    resetEnvForTests();
    await db().$executeRawUnsafe("TRUNCATE healing_sessions, fix_audit_log RESTART IDENTITY CASCADE");
    // What GitHub says of these people on octo/app (the access rule itself: server/access/access.test.ts).
    await grantAccess(1n, ["octo/app"], "push");
    await grantAccess(2n, ["octo/app"], "push");
    await grantAccess(readOnly.id, ["octo/app"], "read");
  });

  it("deciding needs push access: a read-only collaborator is refused (403) and nothing changes", async () => {
    const s = await pending();
    await expect(approveAs(readOnly, s.id.toString(), send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rejectAs(readOnly, s.id.toString(), "no", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recodeAs(readOnly, s.id.toString(), "again", send)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveAs({ id: 4n, login: "stranger" }, s.id.toString(), send)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "PENDING_APPROVAL", decidedBy: null });
    expect(await db().healingSession.count()).toBe(1);
    expect(sent).toEqual([]);
  });

  it("two approvals at once: one wins and starts one apply, the other is a 409 naming the winner", async () => {
    const s = await pending();
    const results = await Promise.allSettled([approveAs(viewer, s.id.toString(), send), approveAs({ id: 2n, login: "hubot" }, s.id.toString(), send)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "CONFLICT", httpStatus: 409, message: expect.stringMatching(/already approved by (octocat|hubot)/) });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: "infraflow/session.approved", id: `session-approved-${s.id}`, data: { sessionId: s.id.toString(), repoFullName: "octo/app", branch: "main" } });
    const audit = await db().fixAuditLog.findMany({ where: { sessionId: s.id } });
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual(["USER:APPROVED"]);
  });

  it("refuses to approve or reject a rejected, applied or analysing session (409) and an unknown one (404)", async () => {
    const rejected = await pending({ status: "REJECTED", decidedBy: "hubot" });
    const applied = await pending({ status: "APPLIED", decidedBy: "hubot", outcome: "SUCCEEDED" });
    const analysing = await pending({ status: "ANALYZING", fixPlan: undefined });
    await expect(approveAs(viewer, rejected.id.toString(), send)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("rejected by hubot") });
    await expect(approveAs(viewer, applied.id.toString(), send)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already applied (CI passed)") });
    await expect(rejectAs(viewer, applied.id.toString(), "no", send)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveAs(viewer, analysing.id.toString(), send)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("still being analysed") });
    await expect(approveAs(viewer, "999", send)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(approveAs(viewer, "abc", send)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(sent).toEqual([]);
  });

  it("an approval whose apply cannot be started is undone, so it can be approved again", async () => {
    const s = await pending();
    await expect(approveAs(viewer, s.id.toString(), async () => { throw new AppError("UNAVAILABLE", "engine down"); })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "PENDING_APPROVAL", decidedBy: null });
    await approveAs(viewer, s.id.toString(), send);
    expect(sent).toHaveLength(1);
  });

  it("reject needs a reason, stores it with the decider, and starts the learning", async () => {
    const s = await pending();
    await expect(rejectAs(viewer, s.id.toString(), "  ", send)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const logs = captureLogs();
    const after = await rejectAs(viewer, s.id.toString(), "It deletes the test", send).finally(logs.stop);
    expect(logs.messages()).toContain(`Session ${s.id} rejected by user`); // runbook §12
    expect(after).toMatchObject({ status: "REJECTED" });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ decidedBy: "octocat", rejectionReason: "It deletes the test" });
    expect(sent.map((e) => e.name)).toEqual(["infraflow/session.rejected"]);
    await expect(rejectAs(viewer, s.id.toString(), "again", send)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("re-code: attempt + 1 with the feedback, the parent closed, once; up to HEALING_MAX_RETRIES re-codes", async () => {
    const s = await pending();
    const child = await recodeAs(viewer, s.id.toString(), "Use Optional instead of a null check", send);
    expect(child).toMatchObject({ attemptNumber: 2, parentSessionId: s.id.toString(), feedback: "Use Optional instead of a null check", status: "ANALYZING" });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "REJECTED", rejectionReason: "Re-code requested: Use Optional instead of a null check" });
    expect(sent).toEqual([expect.objectContaining({ name: "infraflow/session.recode-requested", data: expect.objectContaining({ sessionId: child.id, failedRunId: null }) })]);
    await expect(recodeAs(viewer, s.id.toString(), "again", send)).rejects.toMatchObject({ code: "CONFLICT" });
    // Two re-codes of the same attempt at once: one new attempt.
    await db().healingSession.update({ where: { id: BigInt(child.id) }, data: { status: "PENDING_APPROVAL", fixPlan: plan } });
    const both = await Promise.allSettled([recodeAs(viewer, child.id, "x", send), recodeAs(viewer, child.id, "y", send)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().healingSession.count({ where: { parentSessionId: BigInt(child.id) } })).toBe(1);
    const third = await db().healingSession.findFirstOrThrow({ where: { parentSessionId: BigInt(child.id) } });
    expect(third.attemptNumber).toBe(3);
    await db().healingSession.update({ where: { id: third.id }, data: { status: "PENDING_APPROVAL", fixPlan: plan } });
    await expect(recodeAs(viewer, third.id.toString(), "one more", send)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("retry limit (HEALING_MAX_RETRIES=2)") });
  });

  it("server actions answer { ok } or { ok: false, error: { code, message } }, never throw", async () => {
    const s = await pending({ status: "REJECTED" });
    expect(await runDecisionAction(null, async () => {})).toEqual({ ok: false, error: { code: "UNAUTHORIZED", message: "Sign in with GitHub first" } });
    expect(await runDecisionAction(viewer, (v) => approveAs(v, s.id.toString(), send))).toEqual({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining(`Cannot approve session ${s.id}`) } });
    const ok = await pending();
    expect(await runDecisionAction(viewer, (v) => approveAs(v, ok.id.toString(), send))).toEqual({ ok: true });
    expect(await runDecisionAction(viewer, async () => { throw new Error("boom"); })).toEqual({ ok: false, error: { code: "INTERNAL", message: expect.any(String) } });
  });
});
