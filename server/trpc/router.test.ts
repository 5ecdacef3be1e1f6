import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { grantAccess } from "@/test/grant-access";
import { db } from "../db/client";
import { createTrpcContext } from "./init";
import { createCaller } from "./router";

async function caller(signedIn: boolean) {
  const user = signedIn ? await db().user.upsert({ where: { githubId: 1n }, create: { githubId: 1n, login: "octocat" }, update: {} }) : null;
  if (user) await grantAccess(user.id, ["octo/a", "octo/b"]);
  return createCaller(await createTrpcContext({ user: user && { id: user.id, login: user.login, name: null, email: null, image: null } }));
}

describe("tRPC app router (createCaller)", () => {
  useTestDatabase();

  it("refuses dashboard reads without a signed-in user", async () => {
    const anonymous = await caller(false);
    await expect(anonymous.dashboard.stats()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await anonymous.auth.me()).toBeNull();
  });

  it("answers every page's reads from the real (empty) database", async () => {
    const t = await caller(true);
    expect(await t.dashboard.stats()).toEqual({
      totalPipelines: 0, failedPipelines: 0, healedPipelines: 0, totalHealingSessions: 0, pendingApproval: 0, successfulHeals: 0, averageMTTR: null,
    });
    expect(await t.dashboard.pipelineEvents()).toEqual({ items: [], nextCursor: null });
    expect(await t.healing.sessions()).toEqual({ items: [], nextCursor: null });
    expect(await t.security.stats()).toEqual({ totalScans: 0, criticalCount: 0, highCount: 0, mediumCount: 0, lowCount: 0, lastScanAt: null });
    expect(await t.repos.monitored()).toEqual({ items: [], nextCursor: null });
    expect(await t.auth.me()).toMatchObject({ login: "octocat" });
  });

  it("computes stats and filters from rows", async () => {
    const t = await caller(true);
    const base = { branch: "main", commitSha: "c".repeat(40), workflowName: "CI" };
    const failed = await db().pipelineEvent.create({ data: { ...base, repoFullName: "octo/a", status: "failure", runId: 1n } });
    await db().pipelineEvent.create({ data: { ...base, repoFullName: "octo/b", branch: "dev", status: "success", runId: 2n } });
    const session = await db().healingSession.create({
      data: { pipelineEventId: failed.id, repoFullName: "octo/a", branch: "main", commitSha: base.commitSha, status: "APPLIED", outcome: "SUCCEEDED", confidenceScore: 0.8, mttrSeconds: 600 },
    });
    await db().healingSession.create({ data: { repoFullName: "octo/a", branch: "main", commitSha: base.commitSha, status: "APPLIED", outcome: "SUCCEEDED", mttrSeconds: 1200 } });
    await db().healingSession.create({ data: { repoFullName: "octo/a", branch: "main", commitSha: base.commitSha, status: "PENDING_APPROVAL" } });

    const stats = await t.dashboard.stats();
    expect(stats).toMatchObject({ totalPipelines: 2, failedPipelines: 1, healedPipelines: 1, totalHealingSessions: 3, pendingApproval: 1, successfulHeals: 2 });
    // The mean of the recorded MTTRs (failure to green), the figure the overview's trend shows too.
    expect(stats.averageMTTR).toBe(900);
    expect((await t.dashboard.stats({ repo: "octo/b" })).totalHealingSessions).toBe(0);
    expect((await t.dashboard.pipelineEvents({ repo: "octo/b" })).items.map((e) => e.runId)).toEqual(["2"]);
    expect(await t.dashboard.branches({ repo: "octo/b" })).toEqual(["dev"]);
    expect((await t.healing.session({ id: session.id.toString() })).confidenceScore).toBe(0.8);
    expect(await t.healing.fixPlan({ id: session.id.toString() })).toBeNull();
  });

  it("maps domain errors to tRPC codes", async () => {
    const t = await caller(true);
    await expect(t.healing.session({ id: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.healing.auditLog({ id: "abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.dashboard.branches({ repo: "not a repo" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
