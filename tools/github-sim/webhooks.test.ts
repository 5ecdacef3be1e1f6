// Webhooks created through the API: ping on creation and on request, push and pull_request
// deliveries, delivery records with request and response, and redelivery of a failed delivery.
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";
import { WebhookReceiver } from "./test-support/webhook-receiver";

const owner = "infraflow-demo";
const repo = "billing-cli";
const secret = "hook-secret";

describe("repository webhooks", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let receiver: WebhookReceiver;
  let hookId: number;

  beforeAll(async () => {
    sim = await startTestSimulator();
    octokit = validatedOctokit(sim.apiUrl, (await sim.seedDemo()).token).octokit;
    await sim.idle();
    receiver = await WebhookReceiver.start(secret);
    const { data: hook } = await octokit.repos.createWebhook({ owner, repo, config: { url: receiver.url, content_type: "json", secret }, events: ["push", "pull_request"] });
    hookId = hook.id;
    expect(hook.config.secret).toBe("********");
  });

  afterAll(async () => {
    await sim?.remove();
    await receiver?.close();
  });

  it("pings a new hook and pings again on request", async () => {
    await sim.idle();
    expect(receiver.of("ping")).toHaveLength(1);
    await octokit.repos.pingWebhook({ owner, repo, hook_id: hookId });
    await sim.idle();
    const pings = receiver.of("ping");
    expect(pings).toHaveLength(2);
    expect(pings[1]!.payload.hook_id).toBe(hookId);
    expect(pings[1]!.headers["x-github-hook-id"]).toBe(String(hookId));
  });

  it("delivers push and pull_request events, and only those the hook subscribes to", async () => {
    const { data: main } = await octokit.git.getRef({ owner, repo, ref: "heads/main" });
    await octokit.git.createRef({ owner, repo, ref: "refs/heads/topic", sha: main.object.sha });
    const { data: file } = await octokit.repos.createOrUpdateFileContents({ owner, repo, branch: "topic", path: "NOTES.md", message: "Add notes", content: Buffer.from("notes\n").toString("base64") });
    await octokit.pulls.create({ owner, repo, head: "topic", base: "main", title: "Notes" });
    await octokit.repos.createOrUpdateFileContents({ owner, repo, branch: "topic", path: "NOTES.md", message: "More notes", content: Buffer.from("more notes\n").toString("base64"), sha: file.content!.sha! });
    await sim.idle();
    const pushes = receiver.of("push").map((d) => d.payload);
    expect(pushes.map((p) => [p.ref, p.created])).toEqual([["refs/heads/topic", true], ["refs/heads/topic", false], ["refs/heads/topic", false]]);
    expect((pushes[1]!.head_commit as { added: string[] }).added).toEqual(["NOTES.md"]);
    expect((pushes[2]!.head_commit as { modified: string[] }).modified).toEqual(["NOTES.md"]);
    expect(receiver.of("pull_request").map((d) => d.payload.action)).toEqual(["opened", "synchronize"]);
    expect(receiver.of("workflow_run")).toHaveLength(0);
    expect(receiver.deliveries.every((d) => d.signatureValid)).toBe(true);
    expect(receiver.deliveries.flatMap((d) => d.schemaErrors)).toEqual([]);
  });

  it("records deliveries and redelivers one with the same delivery id", async () => {
    receiver.status = 500;
    await octokit.repos.pingWebhook({ owner, repo, hook_id: hookId });
    await sim.idle();
    receiver.status = 200;
    const { data: list } = await octokit.repos.listWebhookDeliveries({ owner, repo, hook_id: hookId });
    const failed = list.find((d) => d.status_code === 500)!;
    expect(failed).toMatchObject({ event: "ping", redelivery: false, status: "Invalid HTTP Response: 500" });
    const { data: detail } = await octokit.repos.getWebhookDelivery({ owner, repo, hook_id: hookId, delivery_id: failed.id });
    expect(detail.request.headers?.["X-GitHub-Event"]).toBe("ping");
    expect(detail.response.payload).toBe("ok");

    const before = receiver.deliveries.length;
    await octokit.repos.redeliverWebhookDelivery({ owner, repo, hook_id: hookId, delivery_id: failed.id });
    await sim.idle();
    const again = receiver.deliveries.slice(before);
    expect(again).toHaveLength(1);
    expect(again[0]!.guid).toBe(failed.guid);
    expect(again[0]!.signatureValid).toBe(true);
    const { data: after } = await octokit.repos.listWebhookDeliveries({ owner, repo, hook_id: hookId });
    expect(after.find((d) => d.guid === failed.guid && d.redelivery)?.status_code).toBe(200);
    const { data: hook } = await octokit.repos.getWebhook({ owner, repo, hook_id: hookId });
    expect(hook.last_response.code).toBe(200);
  });

  it("creates a webhook through the programmatic API with InfraFlow's events and pings it", async () => {
    const other = await WebhookReceiver.start("api-secret");
    try {
      await sim.createWebhook({ owner, repo: "user-service", url: other.url, secret: "api-secret" });
      await sim.breakRepository({ scenario: "secret-and-sql" });
      await eventually(async () => other.of("workflow_run", "completed").length > 0, "workflow_run completed");
      await sim.idle();
      expect(other.of("ping")).toHaveLength(1);
      expect(other.of("push")).toHaveLength(1);
      const completed = other.of("workflow_run", "completed")[0]!.payload.workflow_run as { conclusion: string };
      expect(completed.conclusion).toBe("success");
      expect(other.deliveries.every((d) => d.signatureValid && d.schemaErrors.length === 0)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("lists the user's repositories with admin permission, updates and deletes a hook as InfraFlow's monitoring does", async () => {
    const repos = await octokit.paginate(octokit.repos.listForAuthenticatedUser, { per_page: 2, sort: "updated" });
    expect(repos.map((r) => r.full_name)).toContain(`${owner}/${repo}`);
    expect(repos.every((r) => r.permissions?.admin)).toBe(true);
    const { data: created } = await octokit.repos.createWebhook({ owner, repo: "payments-api", config: { url: "http://127.0.0.1:9/unused", content_type: "json", secret: "a" }, events: ["push"], active: true });
    const { data: updated } = await octokit.repos.updateWebhook({ owner, repo: "payments-api", hook_id: created.id, config: { url: "http://127.0.0.1:9/other", content_type: "json", secret: "b" }, events: ["push", "workflow_run"], active: true });
    expect(updated).toMatchObject({ events: ["push", "workflow_run"], config: { url: "http://127.0.0.1:9/other" } });
    expect((await octokit.paginate(octokit.repos.listWebhooks, { owner, repo: "payments-api", per_page: 100 })).map((h) => h.id)).toEqual([created.id]);
    await octokit.repos.deleteWebhook({ owner, repo: "payments-api", hook_id: created.id });
    expect(await octokit.paginate(octokit.repos.listWebhooks, { owner, repo: "payments-api", per_page: 100 })).toEqual([]);
  });
});
