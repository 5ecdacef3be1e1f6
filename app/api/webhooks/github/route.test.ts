// The real route handler, driven with signed deliveries built from GitHub's own example payloads.
import examples from "@octokit/webhooks-examples";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { webhookRequest } from "@/test/webhook-request";
import { db } from "@/server/db/client";
import { resetEnvForTests } from "@/server/env";
import { POST } from "./route";

const SECRET = "It's a Secret to Everybody";
process.env.WEBHOOK_SECRET = SECRET;

const HANDLED = ["workflow_run", "push", "ping", "pull_request", "installation", "installation_repositories"];
const payloadsOf = (name: string) => (examples as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === name)!.examples;

async function counts() {
  const [deliveries, pipelines] = await Promise.all([db().webhookDelivery.count(), db().pipelineEvent.count()]);
  return { deliveries, pipelines };
}

describe("POST /api/webhooks/github", () => {
  useTestDatabase();
  beforeEach(async () => {
    Object.assign(process.env, { NODE_ENV: "test" });
    process.env.WEBHOOK_SECRET = SECRET;
    resetEnvForTests();
    await db().$executeRawUnsafe("TRUNCATE webhook_deliveries, pipeline_events, healing_sessions, monitored_repos, users RESTART IDENTITY CASCADE");
    // Only monitored repositories' deliveries are stored: monitor every repository of the examples.
    const user = await db().user.create({ data: { githubId: 1n, login: "dev" } });
    const repos = new Set(HANDLED.flatMap((e) => payloadsOf(e)).map((p) => (p.repository as { full_name?: string } | undefined)?.full_name).filter((r) => r !== undefined));
    await db().monitoredRepo.createMany({ data: [...repos].map((repoFullName) => ({ userId: user.id, repoFullName })) });
  });

  it("stores every handled example payload once, with the run's columns", async () => {
    let sent = 0;
    for (const event of HANDLED) {
      for (const payload of payloadsOf(event)) {
        const res = await POST(webhookRequest({ secret: SECRET, event, payload }));
        expect(res.status, `${event} ${String(payload.action ?? "")}`).toBe(200);
        sent += 1;
      }
    }
    expect((await counts()).deliveries).toBe(sent);

    // Expected final state per run attempt: deliveries apply in order unless older than what is stored.
    const expected = new Map<string, Record<string, unknown>>();
    for (const p of payloadsOf("workflow_run")) {
      const run = p.workflow_run as Record<string, unknown>;
      const key = `${run.id}/${run.run_attempt ?? 1}`;
      const prev = expected.get(key);
      if (!prev || String(run.updated_at) >= String((prev.workflow_run as Record<string, unknown>).updated_at)) expected.set(key, p);
    }
    const rows = await db().pipelineEvent.findMany({ orderBy: { runId: "asc" } });
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const p = expected.get(`${row.runId}/${row.runAttempt}`)!;
      const run = p.workflow_run as Record<string, string | null>;
      expect(row).toMatchObject({
        repoFullName: (p.repository as { full_name: string }).full_name,
        branch: run.head_branch,
        commitSha: run.head_sha,
        workflowName: run.name,
        conclusion: run.conclusion,
        status: run.status === "completed" ? (run.conclusion === "failure" ? "failure" : run.conclusion) : run.status,
        runUrl: run.html_url,
      });
    }
  });

  it("answers a redelivered or replayed delivery 200 and changes nothing", async () => {
    const payload = payloadsOf("workflow_run")[1]!;
    const first = await POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload, deliveryId: "d-1" }));
    const before = await db().pipelineEvent.findFirstOrThrow();
    const again = await POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload, deliveryId: "d-1" }));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await counts()).toEqual({ deliveries: 1, pipelines: 1 });
    expect((await db().pipelineEvent.findFirstOrThrow()).updatedAt).toEqual(before.updatedAt);
  });

  it("keeps one row for concurrent identical deliveries", async () => {
    const payload = payloadsOf("workflow_run")[1]!;
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload, deliveryId: "same-delivery" }))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ duplicate?: boolean }>));
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await counts()).toEqual({ deliveries: 1, pipelines: 1 });
  });

  it("never moves a run backwards when an older delivery arrives late", async () => {
    const [, completed, , requested] = payloadsOf("workflow_run");
    await POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload: completed }));
    await POST(webhookRequest({ secret: SECRET, event: "workflow_run", payload: requested }));
    expect(await db().pipelineEvent.findFirstOrThrow()).toMatchObject({ status: "success", conclusion: "success" });
  });

  describe("refuses bad input with a clear status and stores nothing", () => {
    const payload = payloadsOf("push")[4]!;
    const body = JSON.stringify(payload);
    it.each([
      ["no signature", () => webhookRequest({ event: "push", payload }), 401],
      ["a wrong signature", () => webhookRequest({ secret: "not the secret", event: "push", payload }), 401],
      ["a signature of other bytes", () => webhookRequest({ event: "push", payload, headers: { "x-hub-signature-256": webhookRequest({ secret: SECRET, event: "push", payload: { other: true } }).headers.get("x-hub-signature-256")! } }), 401],
      ["malformed JSON", () => webhookRequest({ secret: SECRET, event: "push", payload: null, body: '{"ref": "refs/heads/main",' }), 400],
      ["a JSON array", () => webhookRequest({ secret: SECRET, event: "push", payload: [1, 2] }), 400],
      ["a push payload missing its fields", () => webhookRequest({ secret: SECRET, event: "push", payload: { hello: "world" } }), 400],
      ["no X-GitHub-Event", () => webhookRequest({ secret: SECRET, event: "", payload }), 400],
      ["no X-GitHub-Delivery", () => webhookRequest({ secret: SECRET, event: "push", payload, deliveryId: "" }), 400],
      ["an unsupported content type", () => webhookRequest({ secret: SECRET, event: "push", payload, headers: { "content-type": "text/plain" } }), 415],
      ["a declared body over 25 MB", () => webhookRequest({ secret: SECRET, event: "push", payload, headers: { "content-length": String(26 * 1024 * 1024) } }), 413],
    ])("%s → %i", async (_case, build, status) => {
      const res = await POST(build());
      expect(res.status).toBe(status);
      expect((await res.json()).error).toEqual(expect.any(String));
      expect(await counts()).toEqual({ deliveries: 0, pipelines: 0 });
    });

    it("a streamed body over the limit → 413", async () => {
      process.env.WEBHOOK_MAX_BODY_BYTES = "2048";
      resetEnvForTests();
      try {
        const big = JSON.stringify({ ...payload, padding: "x".repeat(10_000) });
        const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
        const req = new Request("http://127.0.0.1/api/webhooks/github", {
          method: "POST", body: stream, duplex: "half",
          headers: webhookRequest({ secret: SECRET, event: "push", payload: null, body: big }).headers,
        } as RequestInit);
        expect((await POST(req)).status).toBe(413);
        expect(await counts()).toEqual({ deliveries: 0, pipelines: 0 });
      } finally {
        delete process.env.WEBHOOK_MAX_BODY_BYTES;
        resetEnvForTests();
      }
    });

    it("accepts the form-encoded content type GitHub also offers", async () => {
      const form = `payload=${encodeURIComponent(body)}`;
      const res = await POST(webhookRequest({ secret: SECRET, event: "push", payload: null, body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }));
      expect(res.status).toBe(200);
      expect((await counts()).deliveries).toBe(1);
    });
  });

  it("acknowledges events it does not handle with 202 and stores nothing", async () => {
    const res = await POST(webhookRequest({ secret: SECRET, event: "star", payload: { action: "created", repository: { full_name: "a/b" } } }));
    expect(res.status).toBe(202);
    expect(await counts()).toEqual({ deliveries: 0, pipelines: 0 });
  });

  it("in production without WEBHOOK_SECRET refuses deliveries instead of accepting unsigned ones", async () => {
    Object.assign(process.env, { NODE_ENV: "production" });
    delete process.env.WEBHOOK_SECRET;
    resetEnvForTests();
    const res = await POST(webhookRequest({ event: "ping", payload: { zen: "hi" } }));
    expect(res.status).toBe(401);
    expect(await counts()).toEqual({ deliveries: 0, pipelines: 0 });
  });
});
