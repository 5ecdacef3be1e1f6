// The healing loop end to end (issue 10), written once and run on both workflow engines
// (inngest/functions/heal-loop.*.test.ts): the GitHub simulator runs the demo repository's CI and signs
// webhooks to the real webhook route, PostgreSQL holds everything, demo mode answers through the
// simulator's recorded Anthropic endpoint behind a counting proxy.
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/github/route";
import { sendEvents } from "@/inngest/send";
import { db } from "@/server/db/client";
import { githubClient } from "@/server/github/octokit";
import { approveAs, recodeAs, rejectAs } from "@/server/healing/decide-session";
import { sseHub } from "@/server/realtime/live";
import type { LiveMessage } from "@/server/realtime/messages";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { eventually } from "@/tools/github-sim/test-support/sim-fixture";
import { useTestDatabase } from "./database";
import { serveFetchHandler } from "./serve-fetch-handler";
import { webhookRequest } from "./webhook-request";
import { type EngineName } from "./workflow-engines";
import { upsertUser } from "@/server/auth/upsert-user";
import { startHealingWorld, type HealingWorld } from "@/test/demo-world";
import { captureLogs } from "./capture-logs";

const SECRET = "heal-loop-secret";
const OWNER = "infraflow-demo";
const REPO = "payments-api";
const FULL = `${OWNER}/${REPO}`;

export function healLoopScenario(engineName: EngineName) {
  let proxy: Awaited<ReturnType<typeof serveFetchHandler>>;
  let world: HealingWorld;
  let logs: ReturnType<typeof captureLogs>;
  const anthropicBodies: string[] = [];
  const live: LiveMessage[] = [];
  let unsubscribe = () => {};

  useTestDatabase();
  beforeAll(async () => {
    logs = captureLogs();
    // The recorded Anthropic endpoint behind a proxy that keeps every request body (the fast path makes none).
    proxy = await serveFetchHandler(async (req) => {
      const body = await req.text();
      anthropicBodies.push(body);
      const url = new URL(req.url);
      return fetch(`${world.sim.anthropicUrl}${url.pathname}`, { method: "POST", headers: req.headers, body });
    });
    world = await startHealingWorld({
      engine: engineName,
      env: () => ({
        WEBHOOK_SECRET: SECRET, HEALING_DEMO_MODE: "true", ANTHROPIC_BASE_URL: proxy.url, HEALING_AUTO_APPLY: "false",
        // One green CI run makes the fix trusted here, so the test can show the fast path on the next failure.
        KB_MIN_SUCCESS_COUNT: "1", KB_MIN_CONFIDENCE: "0",
      }),
    });
    unsubscribe = sseHub().subscribe((channel, message) => {
      if (channel === "healing-events") live.push(message);
    });
  }, 240_000);
  afterAll(async () => {
    logs?.stop();
    unsubscribe();
    await world?.stop();
    await proxy?.close();
  });

  const waitSession = (what: string, where: Record<string, unknown>, attempts = 4000) =>
    eventually(async () => db().healingSession.findFirst({ where: { repoFullName: FULL, ...where }, orderBy: { id: "desc" } }), what, attempts);

  it("break → PENDING_APPROVAL → re-code with feedback → two approvals, one commit → CI green, SUCCEEDED with MTTR → fork changes nothing → break again: fast path, no LLM call", async () => {
    const { sim, app, engine, token } = world;
    const github = githubClient(token, sim.url);
    // Signed in with GitHub: its token decides what this user may read and decide on (server/access).
    const user = await upsertUser(db(), { githubId: 7001n, login: "demo-dev", name: null, avatarUrl: null, email: null }, { accessToken: token });
    const viewer = { id: user.id, login: user.login };
    await monitorRepo({ db: db(), github, log: pino({ level: "silent" }), userId: user.id, repoFullName: FULL, appUrl: app.url });

    const broken = await sim.breakRepository({ scenario: "failing-test" });
    const first = await waitSession("the first session pending approval", { status: "PENDING_APPROVAL", commitSha: broken.sha });
    expect(first).toMatchObject({ source: "LLM", attemptNumber: 1, demo: true, failureType: "TEST_FAILURE" });
    expect(first.fixPlan).toMatchObject({ changes: [expect.objectContaining({ path: expect.any(String) })] });
    expect(first.confidenceScore).not.toBeNull();
    expect(anthropicBodies).toHaveLength(1);

    // Re-code with feedback: attempt 2, the feedback in the request, the parent closed.
    const feedback = "Keep the rounding of the discount in cents exactly as before";
    const second = await recodeAs(viewer, first.id.toString(), feedback, sendEvents);
    expect(second).toMatchObject({ attemptNumber: 2, parentSessionId: first.id.toString(), feedback });
    const pending2 = await waitSession("attempt 2 pending approval", { id: BigInt(second.id), status: "PENDING_APPROVAL" });
    expect(anthropicBodies).toHaveLength(2);
    expect(anthropicBodies[1]).toContain(feedback);
    expect(await db().healingSession.findUnique({ where: { id: first.id } })).toMatchObject({ status: "REJECTED" });
    await expect(approveAs(viewer, first.id.toString(), sendEvents)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/rejected/) });

    // Two approvals at once: one wins, the other is a 409; one apply, one commit.
    const decisions = await Promise.allSettled([approveAs(viewer, second.id, sendEvents), approveAs(viewer, second.id, sendEvents)]);
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(decisions.find((d) => d.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });

    const applied = await waitSession("attempt 2 applied and verified", { id: pending2.id, status: "APPLIED", outcome: { not: null }, kbFixId: { not: null } }, 6000);
    expect(applied.outcome).toBe("SUCCEEDED");
    expect(applied.mttrSeconds).toEqual(expect.any(Number));
    expect(applied.fixBranch).toBe(`auto-fix/${applied.id}-${applied.signature!.slice(0, 8)}`);
    const { data: ref } = await github.rest.git.getRef({ owner: OWNER, repo: REPO, ref: `heads/${applied.fixBranch}` });
    expect(ref.object.sha).toBe(applied.fixCommitSha);
    const { data: fixCommit } = await github.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: applied.fixCommitSha! });
    expect(fixCommit.parents.map((p) => p.sha)).toEqual([broken.sha]);
    expect(fixCommit.message).toContain(`session ${applied.id}`);
    const { data: pulls } = await github.rest.pulls.list({ owner: OWNER, repo: REPO, head: `${OWNER}:${applied.fixBranch}`, state: "all" });
    expect(pulls).toHaveLength(1);
    for (const part of ["### Root cause", "### Fix", "**Confidence:**", "**Source:** LLM", "[failed run]("]) expect(pulls[0]!.body).toContain(part);
    expect(applied.pullRequestNumber).toBe(pulls[0]!.number);
    const { data: runs } = await github.rest.actions.listWorkflowRunsForRepo({ owner: OWNER, repo: REPO, head_sha: applied.fixCommitSha! });
    expect(runs.workflow_runs.length).toBeGreaterThan(0);
    expect(runs.workflow_runs.every((r) => r.conclusion === "success")).toBe(true);
    expect((await engine.runs("apply-fix")).filter((r) => r.event.data.sessionId === applied.id.toString())).toHaveLength(1);
    await expect(approveAs(viewer, applied.id.toString(), sendEvents)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/applied/) });
    await expect(rejectAs(viewer, applied.id.toString(), "too late", sendEvents)).rejects.toMatchObject({ code: "CONFLICT" });

    const audit = await db().fixAuditLog.findMany({ where: { sessionId: applied.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual(
      expect.arrayContaining(["SYSTEM:SESSION_OPENED", "LLM:FIX_GENERATED", "USER:APPROVED", "SYSTEM:COMMITTED", "SYSTEM:PR_OPENED", "SYSTEM:APPLIED", "SYSTEM:CI_PASSED", "KNOWLEDGE_BASE:KB_UPDATED"]),
    );
    // A live event for every status change, with the session's id.
    const kinds = (id: bigint) => live.filter((m) => m.id === id.toString()).map((m) => m.kind);
    expect(kinds(first.id)).toEqual(expect.arrayContaining(["healing-session.opened", "healing-session.pending-approval", "healing-session.recoded"]));
    expect(kinds(applied.id)).toEqual(expect.arrayContaining(["healing-session.opened", "healing-session.pending-approval", "healing-session.approved", "healing-session.applied", "healing-session.verified"]));
    const kbFix = await db().kbFix.findUniqueOrThrow({ where: { id: applied.kbFixId! } });
    expect(kbFix).toMatchObject({ successCount: 1, appliedCount: 1, failureCount: 0 });

    // A fork's pull request from a branch with the same name: its failed run decides nothing.
    const outcomesBefore = (await engine.runs("record-fix-outcome")).length;
    const forkRun = {
      action: "completed",
      workflow_run: {
        id: 990001, name: "CI", head_branch: applied.fixBranch, head_sha: "f".repeat(40), status: "completed", conclusion: "failure",
        run_attempt: 1, event: "pull_request", updated_at: new Date().toISOString(), head_repository: { full_name: "mallory/payments-api" },
      },
      repository: { full_name: FULL },
    };
    const res = await POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload: forkRun }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { events?: string[] }).events ?? []).toEqual([]);
    const forkEvent = await db().pipelineEvent.findFirstOrThrow({ where: { runId: 990001n } });
    expect(forkEvent.healingSessionId).toBeNull();
    expect(await db().healingSession.findUnique({ where: { id: applied.id } })).toMatchObject({ outcome: "SUCCEEDED", status: "APPLIED" });
    expect((await engine.runs("record-fix-outcome")).length).toBe(outcomesBefore);

    // The same failure again: the knowledge base answers, no request reaches the Anthropic endpoint.
    await sim.breakRepository({ scenario: "reset" });
    await sim.idle();
    const again = await sim.breakRepository({ scenario: "failing-test" });
    const fast = await waitSession("the fast-path session", { status: "PENDING_APPROVAL", commitSha: again.sha });
    expect(fast).toMatchObject({ source: "KNOWLEDGE_BASE", kbFixId: applied.kbFixId, attemptNumber: 1 });
    expect(fast.llmModel).toBeNull();
    expect(anthropicBodies).toHaveLength(2);
    const fastAudit = await db().fixAuditLog.findMany({ where: { sessionId: fast.id } });
    expect(fastAudit.map((a) => `${a.actor}:${a.action}`)).toContain("KNOWLEDGE_BASE:FIX_GENERATED");

    // The runbook's §12 log lines, which operators grep for, along the way.
    const said = logs.messages();
    for (const line of [
      `Received GitHub webhook for repo: ${FULL}`,
      "Classified failure type: TEST_FAILURE",
      "Knowledge Base MISS — calling Claude API",
      `Session ${pending2.id} approved by user`,
      `Session ${first.id} re-coded as session ${second.id}`,
      `Committed fix to branch: ${applied.fixBranch}`,
    ]) expect(said, line).toContain(line);
    for (const pattern of [/^Claude fix generated — confidence: \d\.\d\d$/, /^Knowledge Base HIT — confidence: \d\.\d\d$/, /^Updated KB confidence for pattern: \S+/]) {
      expect(said.some((m) => pattern.test(m)), String(pattern)).toBe(true);
    }
  }, 600_000);
}
