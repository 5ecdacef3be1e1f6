// Pre-existing and repeated failures (issue 10 §5), on the GitHub simulator with the embedded runner: a
// feature branch failing the way the default branch already fails is marked pre-existing and not healed;
// the default branch failing again the same way joins its open session instead of being called flaky.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { githubClient } from "@/server/github/octokit";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { useTestDatabase } from "@/test/database";
import { eventually } from "@/tools/github-sim/test-support/sim-fixture";
import { upsertUser } from "@/server/auth/upsert-user";
import { startHealingWorld, type HealingWorld } from "@/test/demo-world";

const OWNER = "infraflow-demo";
const REPO = "payments-api";
const FULL = `${OWNER}/${REPO}`;

describe("pre-existing and repeated failures (embedded runner, simulator, PostgreSQL)", () => {
  let world: HealingWorld;

  useTestDatabase();
  beforeAll(async () => {
    world = await startHealingWorld({
      engine: "embedded",
      env: (s) => ({ WEBHOOK_SECRET: "branches-secret", HEALING_DEMO_MODE: "true", ANTHROPIC_BASE_URL: s.anthropicUrl, HEALING_AUTO_APPLY: "false" }),
    });
  }, 240_000);
  afterAll(async () => world?.stop());

  it("a feature branch with the default branch's failure is pre-existing; a repeat on the default branch joins its session", async () => {
    const { sim, app, engine, token } = world;
    const github = githubClient(token, sim.url);
    // Signed in with GitHub: its token decides what this user may read and decide on (server/access).
    const user = await upsertUser(db(), { githubId: 7201n, login: "demo-dev", name: null, avatarUrl: null, email: null }, { accessToken: token });
    await monitorRepo({ db: db(), github, log: pino({ level: "silent" }), userId: user.id, repoFullName: FULL, appUrl: app.url });
    const broken = await sim.breakRepository({ scenario: "failing-test" });
    const session = await eventually(async () => db().healingSession.findFirst({ where: { repoFullName: FULL, status: "PENDING_APPROVAL" } }), "the default branch's session", 4000);

    // The same failure on a feature branch: pre-existing, not healed there.
    await github.rest.git.createRef({ owner: OWNER, repo: REPO, ref: "refs/heads/feature/receipts", sha: broken.sha });
    const feature = await eventually(async () => {
      await engine.waitForRun("analyze-failure", (r) => r.event.data.branch === "feature/receipts", { timeoutMs: 120_000 });
      return db().pipelineEvent.findFirst({ where: { repoFullName: FULL, branch: "feature/receipts", status: "failure" } });
    }, "the feature branch's analysed failure", 4000);
    expect(feature).toMatchObject({ preexisting: true, flaky: false });
    expect(await db().healingSession.count({ where: { branch: "feature/receipts" } })).toBe(0);

    // The default branch fails the same way again (a re-run): it joins the open session, no re-run asked, not flaky.
    const { data: runs } = await github.rest.actions.listWorkflowRunsForRepo({ owner: OWNER, repo: REPO, head_sha: broken.sha, branch: "main" });
    await github.rest.actions.reRunWorkflowFailedJobs({ owner: OWNER, repo: REPO, run_id: runs.workflow_runs[0]!.id });
    const joined = await engine.waitForRun("heal-failure", (r) => (r.output as { outcome?: string } | null)?.outcome === "joined", { timeoutMs: 120_000 });
    expect(joined.output).toMatchObject({ outcome: "joined", sessionId: session.id.toString() });
    expect(await db().healingSession.count({ where: { repoFullName: FULL } })).toBe(1);
    const repeats = await db().fixAuditLog.findMany({ where: { sessionId: session.id, action: "FAILURE_REPEATED" } });
    expect(repeats).toHaveLength(1);
    const attempts = await db().pipelineEvent.findMany({ where: { repoFullName: FULL, branch: "main", status: "failure" } });
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => !a.flaky && !a.preexisting)).toBe(true);
  }, 600_000);
});
