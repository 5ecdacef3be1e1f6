// Issue 15 items 5 and 6: stats count runs (a re-run is an attempt of the same run, shown inside it), and
// every list honours `limit` with cursor pagination up to the documented maximum; a repository InfraFlow
// does not know is not found.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "../db/client";
import { MAX_PAGE_SIZE } from "../http/pagination";
import { createTrpcContext } from "../trpc/init";
import { grantAccess } from "@/test/grant-access";
import { createCaller } from "../trpc/router";

async function caller() {
  const user = await db().user.upsert({ where: { githubId: 1n }, create: { githubId: 1n, login: "octocat" }, update: {} });
  await grantAccess(user.id, ["octo/app", ...Array.from({ length: 8 }, (_, i) => `octo/r${i}`)]);
  return createCaller(await createTrpcContext({ user: { id: user.id, login: user.login, name: null, email: null, image: null } }));
}

const base = { branch: "main", commitSha: "c".repeat(40), workflowName: "CI", repoFullName: "octo/app" };

async function allPages<T>(fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("runs, attempts and pages", () => {
  useTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe("TRUNCATE pipeline_events, healing_sessions, monitored_repos, users RESTART IDENTITY CASCADE");
  });

  it("counts 4 failed runs re-run once each as 4 failed pipelines, with the attempts inside each run", async () => {
    for (let run = 1; run <= 4; run++) {
      for (const attempt of [1, 2]) {
        await db().pipelineEvent.create({ data: { ...base, status: "failure", conclusion: "failure", runId: BigInt(run), runAttempt: attempt } });
      }
    }
    await db().pipelineEvent.create({ data: { ...base, status: "failure", runId: 5n, runAttempt: 1 } });
    await db().pipelineEvent.create({ data: { ...base, status: "success", conclusion: "success", runId: 5n, runAttempt: 2, flaky: false } });
    const t = await caller();
    expect(await t.dashboard.stats()).toMatchObject({ totalPipelines: 5, failedPipelines: 4 });

    const { items } = await t.dashboard.pipelineEvents({});
    expect(items).toHaveLength(5);
    const run5 = items.find((r) => r.runId === "5")!;
    expect(run5).toMatchObject({ runAttempt: 2, status: "success", attemptCount: 2 });
    expect(run5.attempts.map((a) => [a.runAttempt, a.status])).toEqual([[1, "failure"], [2, "success"]]);
  });

  it("pages pipeline runs, sessions and monitored repositories by cursor, newest first, without repeats or gaps", async () => {
    const user = await db().user.create({ data: { githubId: 2n, login: "dev" } });
    for (let i = 1; i <= 7; i++) {
      await db().pipelineEvent.create({ data: { ...base, status: "success", runId: BigInt(100 + i) } });
      await db().healingSession.create({ data: { repoFullName: "octo/app", branch: "main", commitSha: base.commitSha } });
      await db().monitoredRepo.create({ data: { userId: user.id, repoFullName: `octo/r${i}` } });
    }
    const t = await caller();
    const runs = await allPages((cursor) => t.dashboard.pipelineEvents({ limit: 3, cursor }));
    expect(runs.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(runs.flat().map((r) => r.runId)).toEqual(["107", "106", "105", "104", "103", "102", "101"]);

    const sessions = await allPages((cursor) => t.healing.sessions({ limit: 4, cursor }));
    expect(sessions.map((p) => p.length)).toEqual([4, 3]);
    expect(new Set(sessions.flat().map((s) => s.id)).size).toBe(7);

    const repos = await allPages((cursor) => t.repos.monitored({ limit: 5, cursor }));
    expect(repos.flat().map((r) => r.repoFullName)).toEqual(["octo/r7", "octo/r6", "octo/r5", "octo/r4", "octo/r3", "octo/r2", "octo/r1"]);

    await expect(t.dashboard.pipelineEvents({ limit: MAX_PAGE_SIZE + 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.healing.sessions({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers not found for the branches of a repository InfraFlow does not know", async () => {
    const t = await caller();
    await expect(t.dashboard.branches({ repo: "nobody/nothing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db().pipelineEvent.create({ data: { ...base, status: "success", runId: 9n } });
    expect(await t.dashboard.branches({ repo: "octo/app" })).toEqual(["main"]);
  });
});
