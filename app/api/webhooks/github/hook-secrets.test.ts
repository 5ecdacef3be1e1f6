// Issue 11 (webhook part): each hook InfraFlow installs signs with its own secret, named by the delivery's
// X-GitHub-Hook-ID; hooks added by hand use the global WEBHOOK_SECRET; unsigned deliveries are refused
// unless WEBHOOK_ALLOW_UNSIGNED=true. Issue 15 item 5: what a repository nobody monitors sends is not stored.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { webhookRequest } from "@/test/webhook-request";
import { db } from "@/server/db/client";
import { resetEnvForTests } from "@/server/env";
import { sealWebhookSecret } from "@/server/webhooks/webhook-secret";
import { unmonitoredDeliveryCount } from "@/server/webhooks/unmonitored-deliveries";
import { POST } from "./route";

const GLOBAL = "global-secret";
const HOOK_SECRET = "the-hook's-own-secret";
const HOOK_ID = "4242";

function run(repo: string, id = 77) {
  return {
    action: "completed",
    workflow_run: {
      id, name: "CI", head_branch: "main", head_sha: "a".repeat(40), status: "completed", conclusion: "failure",
      run_attempt: 1, html_url: "https://github.example/run", event: "push", updated_at: "2026-01-01T00:00:00Z",
    },
    repository: { full_name: repo },
  };
}

async function stored() {
  const [deliveries, pipelines] = await Promise.all([db().webhookDelivery.count(), db().pipelineEvent.count()]);
  return { deliveries, pipelines };
}

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
}

describe("webhook signatures per hook", () => {
  useTestDatabase();
  beforeEach(async () => {
    setEnv({ NODE_ENV: "test", WEBHOOK_SECRET: GLOBAL, WEBHOOK_ALLOW_UNSIGNED: undefined });
    await db().$executeRawUnsafe("TRUNCATE webhook_deliveries, pipeline_events, healing_sessions, monitored_repos, repo_webhooks, users RESTART IDENTITY CASCADE");
    const user = await db().user.create({ data: { githubId: 1n, login: "dev" } });
    await db().monitoredRepo.createMany({ data: [{ userId: user.id, repoFullName: "octo/app", webhookId: BigInt(HOOK_ID) }, { userId: user.id, repoFullName: "octo/manual" }] });
    await db().repoWebhook.create({ data: { repoFullName: "octo/app", hookId: BigInt(HOOK_ID), secret: sealWebhookSecret(HOOK_SECRET), payloadUrl: "http://localhost:3000/api/webhooks/github" } });
  });

  it("verifies a delivery with the secret of the hook it names", async () => {
    const res = await POST(webhookRequest({ secret: HOOK_SECRET, event: "workflow_run", payload: run("octo/app"), headers: { "x-github-hook-id": HOOK_ID } }));
    expect(res.status).toBe(200);
    expect(await stored()).toEqual({ deliveries: 1, pipelines: 1 });
  });

  it("refuses a delivery naming an InfraFlow hook but signed with another secret, even the global one", async () => {
    const res = await POST(webhookRequest({ secret: GLOBAL, event: "workflow_run", payload: run("octo/app"), headers: { "x-github-hook-id": HOOK_ID } }));
    expect(res.status).toBe(401);
    expect(await stored()).toEqual({ deliveries: 0, pipelines: 0 });
  });

  it("verifies a hook added by hand (unknown hook id, or none) with the global secret", async () => {
    const manual = await POST(webhookRequest({ secret: GLOBAL, event: "workflow_run", payload: run("octo/manual", 1), headers: { "x-github-hook-id": "999" } }));
    const noHeader = await POST(webhookRequest({ secret: GLOBAL, event: "workflow_run", payload: run("octo/manual", 2) }));
    const wrong = await POST(webhookRequest({ secret: HOOK_SECRET, event: "workflow_run", payload: run("octo/manual", 3), headers: { "x-github-hook-id": "999" } }));
    expect([manual.status, noHeader.status, wrong.status]).toEqual([200, 200, 401]);
    expect(await stored()).toEqual({ deliveries: 2, pipelines: 2 });
  });

  it("refuses unsigned deliveries, even without any secret configured, unless WEBHOOK_ALLOW_UNSIGNED=true", async () => {
    setEnv({ WEBHOOK_SECRET: undefined });
    const unsigned = () => webhookRequest({ event: "workflow_run", payload: run("octo/manual") });
    const refused = await POST(unsigned());
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatch(/WEBHOOK_ALLOW_UNSIGNED/);
    expect(await stored()).toEqual({ deliveries: 0, pipelines: 0 });

    setEnv({ WEBHOOK_ALLOW_UNSIGNED: "true" });
    expect((await POST(unsigned())).status).toBe(200);
    // Allowing unsigned deliveries never lets a wrongly signed one through.
    const forged = await POST(webhookRequest({ secret: "forged", event: "workflow_run", payload: run("octo/app", 5), headers: { "x-github-hook-id": HOOK_ID } }));
    expect(forged.status).toBe(401);
    expect(await stored()).toEqual({ deliveries: 1, pipelines: 1 });
  });

  it("stores nothing a repository nobody monitors sends, and counts it", async () => {
    const before = unmonitoredDeliveryCount();
    const responses = await Promise.all([
      POST(webhookRequest({ secret: GLOBAL, event: "workflow_run", payload: run("someone/else") })),
      POST(webhookRequest({ secret: GLOBAL, event: "push", payload: { ref: "refs/heads/main", before: "0".repeat(40), after: "b".repeat(40), repository: { full_name: "someone/else" }, commits: [] } })),
      POST(webhookRequest({ secret: GLOBAL, event: "pull_request", payload: { action: "opened", number: 1, pull_request: { head: { ref: "x" } }, repository: { full_name: "someone/else" } } })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(await responses[0]!.json()).toMatchObject({ ignored: expect.stringMatching(/someone\/else is not monitored/) });
    expect(await stored()).toEqual({ deliveries: 0, pipelines: 0 });
    expect(unmonitoredDeliveryCount() - before).toBe(3);
  });
});
