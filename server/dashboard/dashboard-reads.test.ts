// Issue 13: the dashboard's reads against a real PostgreSQL — the review page's session review, the
// overview's insights aggregated in SQL, the filtered session list and the knowledge-base outcome history.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { grantAccess } from "@/test/grant-access";
import { db, pgPool } from "../db/client";
import { getSessionReview } from "../healing/review/get-session-review";
import { createPostgresKnowledgeBase } from "../knowledge/postgres/postgres-knowledge-base";
import { createTrpcContext } from "../trpc/init";
import { createCaller } from "../trpc/router";
import { getInsights } from "./get-insights";

const repo = "octo/app";
const sha = "a".repeat(40);
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));

async function viewer(level: "read" | "push" = "push") {
  const user = await db().user.upsert({ where: { githubId: 1n }, create: { githubId: 1n, login: "octocat" }, update: {} });
  await grantAccess(user.id, [repo], level);
  return { id: user.id, login: user.login, name: null, email: null, image: null };
}

async function failedRun(runId: number, at: Date, failureType: string | null, attempt = 1, status = "failure") {
  return db().pipelineEvent.create({
    data: { repoFullName: repo, branch: "main", commitSha: sha, workflowName: "CI", status, conclusion: status, runId: BigInt(runId), runAttempt: attempt, failureType, createdAt: at, runUrl: `https://gh.test/${repo}/actions/runs/${runId}` },
  });
}

describe("dashboard reads", () => {
  useTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe("TRUNCATE pipeline_events, healing_sessions, users, kb_fixes, kb_failure_patterns RESTART IDENTITY CASCADE");
  });

  it("aggregates failures, heals, MTTR, failure types, hit rate and cost saved per day in SQL", async () => {
    await failedRun(1, day(10), "TEST_FAILURE");
    await failedRun(2, day(10, 15), "DEPENDENCY_ERROR", 1);
    await failedRun(2, day(10, 16), "DEPENDENCY_ERROR", 2); // a re-run: still one failed pipeline
    await failedRun(3, day(11), "TEST_FAILURE");
    await failedRun(4, day(11), null, 1, "success");
    await failedRun(5, day(1), "TEST_FAILURE"); // before the window
    const base = { repoFullName: repo, branch: "main", commitSha: sha };
    await db().healingSession.createMany({
      data: [
        { ...base, source: "LLM", llmCostUsd: 0.3, outcome: "SUCCEEDED", status: "APPLIED", verifiedAt: day(11, 13), mttrSeconds: 600, createdAt: day(10) },
        { ...base, source: "LLM", llmCostUsd: 0.1, outcome: "SUCCEEDED", status: "APPLIED", verifiedAt: day(11, 14), mttrSeconds: 1200, createdAt: day(10) },
        { ...base, source: "KNOWLEDGE_BASE", status: "PENDING_APPROVAL", createdAt: day(11) },
        { ...base, source: "KNOWLEDGE_BASE", status: "REJECTED", createdAt: day(11) },
        { ...base, repoFullName: "other/hidden", source: "LLM", llmCostUsd: 9, createdAt: day(11) },
      ],
    });
    const insights = await getInsights(db(), { repos: [repo], days: 3, now: day(12, 8) });
    expect(insights.days).toEqual([
      { day: "2026-11-10", failures: 2, heals: 0, mttrSeconds: null },
      { day: "2026-11-11", failures: 1, heals: 2, mttrSeconds: 900 },
      { day: "2026-11-12", failures: 0, heals: 0, mttrSeconds: null },
    ]);
    expect(insights.failureTypes).toEqual([{ type: "DEPENDENCY_ERROR", count: 1 }, { type: "TEST_FAILURE", count: 2 }].sort((a, b) => b.count - a.count));
    expect(insights.knowledgeBase).toEqual({ sessions: 4, kbSessions: 2, hitRate: 0.5 });
    // Two replayed fixes × the mean LLM fix cost (0.2); the unreadable repository's spend is not counted.
    expect(insights.llm.spentUsd).toBeCloseTo(0.4);
    expect(insights.llm.averageFixCostUsd).toBeCloseTo(0.2);
    expect(insights.llm.savedUsd).toBeCloseTo(0.4);
    const none = await getInsights(db(), { repos: [], days: 2, now: day(12) });
    expect(none.knowledgeBase.hitRate).toBeNull();
    expect(none.llm.savedUsd).toBeNull();
  });

  it("reviews a session: highlighted per-file diffs, findings, confidence source, LLM cost, links and decisions", async () => {
    const run = await failedRun(7, day(10), "TEST_FAILURE");
    const fixPlan = {
      summary: "Return the sum", strategy: "Fix the operator", rootCause: "add() subtracts", explanation: "The test expects 3",
      confidence: 0.82, proposedConfidence: 0.9,
      changes: [
        { path: "src/math.ts", action: "modify", originalContent: "export function add(a: number, b: number) {\n  return a - b;\n}\n", content: "export function add(a: number, b: number) {\n  return a + b;\n}\n" },
        { path: "test/math.test.ts", action: "modify", originalContent: "it('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n", content: "it.skip('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n" },
      ],
    };
    const s = await db().healingSession.create({
      data: {
        repoFullName: repo, branch: "main", commitSha: sha, pipelineEventId: run.id, status: "PENDING_APPROVAL", source: "LLM", confidenceScore: 0.82,
        failureType: "TEST_FAILURE", errorExcerpt: "> vitest run\nFAIL test/math.test.ts > adds\nAssertionError: expected -1 to be 3", fixPlan, fixBranch: "auto-fix/1",
        guardrailFindings: [{ rule: "test-skipped", path: "test/math.test.ts", line: 1, side: "new", message: "The fix skips a test" }],
        llmModel: "claude-test", llmInputTokens: 1200, llmOutputTokens: 300, llmCostUsd: 0.0123, needsReview: true,
      },
    });
    await db().fixAuditLog.create({ data: { sessionId: s.id, actor: "LLM", action: "FIX_PROPOSED", details: "2 files" } });
    const t = createCaller(await createTrpcContext({ user: await viewer() }));
    const r = await t.review.session({ id: String(s.id) });
    expect(r.files.map((f) => [f.path, f.additions, f.deletions])).toEqual([["src/math.ts", 1, 1], ["test/math.test.ts", 1, 1]]);
    // Highlighted: the changed line's tokens rebuild the line, in both themes' colours.
    const line2 = r.files[0]!.tokens.new[2]!;
    expect(line2.map(([text]) => text).join("")).toBe("  return a + b;");
    expect(line2.every(([, light, dark]) => /^#[0-9A-F]{6}/i.test(light) && /^#[0-9A-F]{6}/i.test(dark))).toBe(true);
    expect(r.files[0]!.tokens.old[2]!.map(([text]) => text).join("")).toBe("  return a - b;");
    expect(r.findings).toEqual([{ rule: "test-skipped", path: "test/math.test.ts", line: 1, side: "new", message: "The fix skips a test" }]);
    expect(r.plan).toMatchObject({ rootCause: "add() subtracts", explanation: "The test expects 3", proposedConfidence: 0.9 });
    expect(r.confidence).toMatchObject({ score: 0.82, source: "LLM", demo: false, earned: null });
    expect(r.llm).toEqual({ model: "claude-test", inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.0123 });
    expect(r.errorLines).toEqual([1, 2]);
    expect(r.links).toMatchObject({ run: `https://gh.test/${repo}/actions/runs/7`, fixBranch: `https://github.com/${repo}/tree/auto-fix/1`, pullRequest: null });
    expect(r.actions).toEqual({ allowed: ["approve", "reject", "recode"], canPush: true, blockedReason: null });
    await expect(t.review.session({ id: "999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Read access only: the review shows, its buttons are disabled with the reason.
    const reader = createCaller(await createTrpcContext({ user: await viewer("read") }));
    expect((await reader.review.session({ id: String(s.id) })).actions).toEqual({
      allowed: ["approve", "reject", "recode"], canPush: false, blockedReason: `You need push access to ${repo} to approve, reject or re-code its fixes.`,
    });
  });

  it("shows a replayed fix's earned rate from the knowledge base", async () => {
    const kb = createPostgresKnowledgeBase({ pool: pgPool(), ownsPool: false });
    const fix = await db().kbFix.create({
      data: { id: randomUUID(), strategy: "s", fileDiffs: "[]", contentHash: "h".repeat(64), confidence: 0.7, successCount: 3, failureCount: 1 },
    });
    const s = await db().healingSession.create({ data: { repoFullName: repo, branch: "main", commitSha: sha, status: "APPLIED", outcome: "FAILED", source: "KNOWLEDGE_BASE", kbFixId: fix.id, confidenceScore: 0.7 } });
    const r = await getSessionReview({ db: db(), viewer: await viewer(), id: String(s.id), githubUrl: "https://ghe.test", kb: { kb } });
    expect(r.confidence.earned).toEqual({ rate: 0.75, successes: 3, failures: 1, confidence: 0.7 });
    expect(r.actions.allowed).toEqual(["recode"]);
    expect(r.files).toEqual([]);
    expect(r.llm).toBeNull();
    const t = createCaller(await createTrpcContext({ user: await viewer() }));
    await failedRun(8, day(10), null); // makes the repository one the viewer can read
    const outcomes = await t.insights.fixOutcomes({});
    expect(outcomes.items).toMatchObject([{ sessionId: String(s.id), fixId: fix.id, status: "APPLIED", outcome: "FAILED", source: "KNOWLEDGE_BASE" }]);
  });

  it("filters the session list by failure type and source", async () => {
    const base = { repoFullName: repo, branch: "main", commitSha: sha };
    await db().healingSession.createMany({
      data: [
        { ...base, failureType: "TEST_FAILURE", source: "LLM" },
        { ...base, failureType: "TEST_FAILURE", source: "KNOWLEDGE_BASE" },
        { ...base, failureType: "LINT_ERROR", source: "LLM", status: "PENDING_APPROVAL" },
      ],
    });
    const t = createCaller(await createTrpcContext({ user: await viewer() }));
    expect((await t.healing.sessions({ failureType: "TEST_FAILURE" })).items).toHaveLength(2);
    expect((await t.healing.sessions({ failureType: "TEST_FAILURE", source: "LLM" })).items).toHaveLength(1);
    expect((await t.healing.sessions({ status: "PENDING_APPROVAL" })).items.map((s) => s.failureType)).toEqual(["LINT_ERROR"]);
  });
});
