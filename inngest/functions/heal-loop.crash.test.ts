// Crash tests of the healing loop (issue 10): the app's workflows run in a real child process that is
// SIGKILLed at exact steps — between apply steps (the commit made but not journaled, the pull request
// opened but not journaled) and between the outcome and the learning (counted in the knowledge base but
// not journaled) — and a fresh instance resumes. Whatever the crash: one commit, one pull request, one
// outcome, one knowledge-base count.
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedRunner, type EmbeddedRunner } from "@/inngest/runner/embedded-runner";
import { db } from "@/server/db/client";
import { resetEnvForTests } from "@/server/env";
import { githubClient } from "@/server/github/octokit";
import { approvedEvent } from "@/server/healing/session-events";
import { closeKnowledgeBase, knowledgeBase } from "@/server/knowledge/current-knowledge-base";
import { startWorkflowProcess, waitForWorkflowRun, type WorkflowProcess, type WorkflowProcessOptions } from "@/test/crash-harness";
import { useTestDatabase } from "@/test/database";
import { scenarios } from "@/tools/github-sim/demo/scenarios";
import { templateFiles } from "@/tools/github-sim/demo/template-files";
import { eventually, startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { workflows } from "./index";

const OWNER = "infraflow-demo";
const REPO = "payments-api";
const database = useTestDatabase();
const children: WorkflowProcess[] = [];
const runners: EmbeddedRunner[] = [];
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let childEnv: Record<string, string>;

async function app(options: Omit<WorkflowProcessOptions, "databaseUrl" | "module"> = {}) {
  const child = await startWorkflowProcess({ databaseUrl: database.url(), module: "inngest/functions/index.ts", env: childEnv, ...options });
  children.push(child);
  return child;
}

async function freshInstance() {
  const runner = createEmbeddedRunner({ workflows, db, log: pino({ level: "silent" }), leaseMs: 1000, sweepMs: 100, retryDelayMs: 50 });
  runners.push(runner);
  await runner.recover();
  return runner;
}

describe("healing loop crashes (embedded runner child process, simulator, PostgreSQL)", () => {
  beforeAll(async () => {
    sim = await startTestSimulator();
    const token = (await sim.seedDemo()).token;
    childEnv = { GITHUB_URL: sim.url, GITHUB_TOKEN: token, LOG_LEVEL: "silent", HEALING_DEMO_MODE: "true" };
    Object.assign(process.env, childEnv);
    resetEnvForTests();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => c.kill()));
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await closeKnowledgeBase();
    await sim?.remove();
  });

  it("kill between apply steps and between outcome and learning: one commit, one pull request, one outcome, one count", async () => {
    const github = githubClient(childEnv.GITHUB_TOKEN!, sim.url);
    const scenario = scenarios.find((s) => s.name === "failing-test")!;
    const broken = await sim.breakRepository({ scenario: scenario.name });
    await sim.idle();
    const plan = {
      summary: "Subtract the discount instead of charging only the discount",
      strategy: "Restore subtotalCents * (1 - rate) in src/pricing.js",
      rootCause: "applyDiscount multiplies by the rate",
      confidence: 0.8,
      changes: Object.keys(scenario.files).map((path) => ({ path, action: "modify", content: templateFiles[path]!, originalContent: scenario.files[path]! })),
    };
    const session = await db().healingSession.create({
      data: {
        repoFullName: `${OWNER}/${REPO}`, branch: "main", commitSha: broken.sha, status: "PENDING_APPROVAL", decidedBy: "demo-dev", source: "LLM",
        failureType: "TEST_FAILURE", signature: "ab".repeat(32), signatureText: "TEST_FAILURE\nnot ok N - applyDiscount", fixPlan: plan,
      },
    });

    // 1. The commit and the branch exist, the step's result is not journaled: the process dies.
    const first = await app({ send: [approvedEvent(session, "demo-dev")], crash: { at: "before-journal", stepId: "commit-fix" } });
    expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
    const applyRun = first.started[0]!;
    // 2. The next instance redoes commit-fix (reusing the branch), opens the pull request, and dies before journaling it.
    const second = await app({ crash: { at: "before-journal", stepId: "open-pull-request" } });
    expect(await second.exited).toMatchObject({ signal: "SIGKILL" });
    // 3. A fresh instance finishes the run.
    await freshInstance();
    await waitForWorkflowRun(applyRun, "COMPLETED", 60_000);
    const applied = await db().healingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(applied).toMatchObject({ status: "APPLIED" });
    const { data: branchCommits } = await github.rest.repos.listCommits({ owner: OWNER, repo: REPO, sha: applied.fixBranch!, per_page: 5 });
    expect(branchCommits[0]!.sha).toBe(applied.fixCommitSha);
    expect(branchCommits[1]!.sha).toBe(broken.sha); // exactly one commit on top of the failing one
    const { data: pulls } = await github.rest.pulls.list({ owner: OWNER, repo: REPO, head: `${OWNER}:${applied.fixBranch}`, state: "all" });
    expect(pulls).toHaveLength(1);
    expect(applied.pullRequestNumber).toBe(pulls[0]!.number);
    await Promise.all(runners.splice(0).map((r) => r.stop()));

    // CI on the fix commit finishes (no webhooks here: the verdict event is sent by the test).
    await sim.idle();
    await eventually(async () => {
      const { data } = await github.rest.actions.listWorkflowRunsForRepo({ owner: OWNER, repo: REPO, head_sha: applied.fixCommitSha! });
      return data.workflow_runs.length > 0 && data.workflow_runs.every((r) => r.status === "completed");
    }, "CI on the fix commit", 2400);
    const verdict = { name: "infraflow/fix-run.completed", id: `verdict-${session.id}`, data: { healingSessionId: session.id.toString(), pipelineEventId: "", conclusion: "success", deliveryId: "", repoFullName: `${OWNER}/${REPO}`, branch: applied.fixBranch } };

    // 4. Dies right after the outcome is journaled, before learning; 5. the next one counts in the knowledge
    // base and dies before journaling that; 6. a fresh instance finishes without counting again.
    const third = await app({ send: [verdict], crash: { at: "after-journal", stepId: "record-outcome" } });
    expect(await third.exited).toMatchObject({ signal: "SIGKILL" });
    const outcomeRun = third.started[0]!;
    const fourth = await app({ crash: { at: "before-journal", stepId: "teach-knowledge-base" } });
    expect(await fourth.exited).toMatchObject({ signal: "SIGKILL" });
    await freshInstance();
    await waitForWorkflowRun(outcomeRun, "COMPLETED", 60_000);

    const verified = await db().healingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(verified).toMatchObject({ outcome: "SUCCEEDED", status: "APPLIED" });
    expect(verified.mttrSeconds).toEqual(expect.any(Number));
    expect(await knowledgeBase().getFix(verified.kbFixId!)).toMatchObject({ successCount: 1, appliedCount: 1, failureCount: 0 });
    const audit = (await db().fixAuditLog.findMany({ where: { sessionId: session.id } })).map((a) => a.action);
    expect(audit.filter((a) => a === "CI_PASSED")).toHaveLength(1);
    expect(audit.filter((a) => a === "KB_UPDATED")).toHaveLength(1);
    expect(audit.filter((a) => a === "PR_OPENED")).toHaveLength(1);
  }, 300_000);
});
