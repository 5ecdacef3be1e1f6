// The loop from a failing push to an analysed failure, on real engines: the GitHub simulator runs the
// demo repository's CI and delivers signed webhooks to the real webhook route, the embedded runner runs
// analyze-failure, which reads the logs back from the simulator through the GitHub API.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/tools/github-sim/test-support/sim-fixture";
import { useTestDatabase } from "@/test/database";
import { startDemoWorld, type DemoWorld } from "@/test/demo-world";
import { db } from "@/server/db/client";
import { githubClient } from "@/server/github/octokit";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { unmonitorRepo } from "@/server/repos/unmonitor-repo";
import { embeddedRunner } from "../runner";

const SECRET = "sim-webhook-secret";
const REPO = "infraflow-demo/payments-api";

describe("failing push → webhook → analyze-failure (GitHub simulator, embedded runner, PostgreSQL)", () => {
  let world: DemoWorld;
  beforeAll(async () => {
    world = await startDemoWorld({ env: () => ({ WEBHOOK_SECRET: SECRET, ANALYSIS_RERUN_FAILED_JOBS: "true" }) });
  });
  useTestDatabase();
  afterAll(async () => world?.stop());

  it("monitors through the API, analyses the failure, re-runs it once, and stops monitoring", async () => {
    const { sim, app, token } = world;
    const user = await db().user.create({ data: { githubId: 4242n, login: "demo-dev" } });
    const log = pino({ level: "silent" });
    const github = githubClient(token, sim.url);
    const monitored = await monitorRepo({ db: db(), github, log, userId: user.id, repoFullName: REPO, appUrl: app.url });
    expect(monitored.webhook.installed).toBe(true);
    const hooks = await github.rest.repos.listWebhooks({ owner: "infraflow-demo", repo: "payments-api" });
    expect(hooks.data.map((h) => h.config.url)).toEqual([`${app.url}/api/webhooks/github`]);
    // Monitoring twice reuses the hook instead of adding a second one.
    await monitorRepo({ db: db(), github, log, userId: user.id, repoFullName: REPO, appUrl: app.url });
    expect((await github.rest.repos.listWebhooks({ owner: "infraflow-demo", repo: "payments-api" })).data).toHaveLength(1);

    await sim.breakRepository({ scenario: "failing-test" });

    const settle = async () => {
      await sim.idle();
      await embeddedRunner().idle();
    };
    const attempts = await eventually(async () => {
      await settle();
      const rows = await db().pipelineEvent.findMany({ where: { repoFullName: REPO, status: "failure" }, orderBy: { runAttempt: "asc" } });
      return rows.length === 2 && rows.every((r) => r.failureSignature) ? rows : undefined;
    }, "two analysed failed attempts (original + the one re-run)");

    expect(attempts.map((r) => [r.runAttempt, r.failureType])).toEqual([[1, "TEST_FAILURE"], [2, "TEST_FAILURE"]]);
    expect(attempts[1]!.failureSignature).toBe(attempts[0]!.failureSignature);
    expect(attempts[0]!.errorMessage).toMatch(/pricing|discount|assert/i);
    expect(attempts.every((r) => !r.flaky)).toBe(true);

    const runs = await db().workflowRun.findMany({ where: { functionId: "analyze-failure" }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(Object.keys(runs[0]!.steps as object)).toContain("rerun-failed-jobs");
    expect(Object.keys(runs[1]!.steps as object)).not.toContain("rerun-failed-jobs");

    const stopped = await unmonitorRepo({ db: db(), github, log, userId: user.id, repoFullName: REPO, appUrl: app.url });
    expect(stopped.webhookRemoved).toBe(true);
    expect((await github.rest.repos.listWebhooks({ owner: "infraflow-demo", repo: "payments-api" })).data).toEqual([]);
    expect(await db().monitoredRepo.count()).toBe(0);
  }, 180_000);

  it("gives manual webhook settings when GitHub refuses to add the webhook", async () => {
    const { sim, app, token } = world;
    const user = await db().user.upsert({ where: { githubId: 4243n }, create: { githubId: 4243n, login: "demo-dev" }, update: {} });
    const github = githubClient(token, sim.url);
    const unreachable = "http://infra flow.invalid"; // GitHub answers 422: the payload URL is not a URL
    const result = await monitorRepo({ db: db(), github, log: pino({ level: "silent" }), userId: user.id, repoFullName: REPO, appUrl: unreachable });
    expect(result.webhook).toMatchObject({ installed: false, manual: { payloadUrl: `${unreachable}/api/webhooks/github`, contentType: "application/json", events: ["workflow_run", "push", "pull_request"] } });
    await expect(monitorRepo({ db: db(), github, log: pino({ level: "silent" }), userId: user.id, repoFullName: "infraflow-demo/nope", appUrl: app.url }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
