// One InfraFlow webhook per repository (issue 15 item 4), against the GitHub simulator and the real webhook
// route: hooks pointing at InfraFlow are found by their normalised URL (127.0.0.1 and localhost, a trailing
// slash, the default port), exactly one is kept with its own secret and InfraFlow's events, and the last
// Stop removes them all. Hooks pointing elsewhere are never touched.
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/github/route";
import { useTestDatabase } from "@/test/database";
import { serveFetchHandler } from "@/test/serve-fetch-handler";
import { eventually, startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { githubClient, type GitHubClient } from "../github/octokit";
import { monitorRepo } from "./monitor-repo";
import { unmonitorRepo } from "./unmonitor-repo";
import { openWebhookSecret } from "../webhooks/webhook-secret";
import { WEBHOOK_EVENTS } from "./webhook-settings";

const owner = "infraflow-demo";
const repo = "inventory-service";
const REPO = `${owner}/${repo}`;
const FOREIGN = "http://ci.example.test/hook";
const log = pino({ level: "silent" });

describe("monitorRepo / unmonitorRepo keep one InfraFlow webhook per repository", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let app: Awaited<ReturnType<typeof serveFetchHandler>>;
  let github: GitHubClient;
  let port = "";
  let appUrl = "";
  const users: bigint[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator();
    const { token } = await sim.seedDemo();
    github = githubClient(token, sim.url);
    Object.assign(process.env, { GITHUB_URL: sim.url });
    delete process.env.WEBHOOK_SECRET;
    resetEnvForTests();
    app = await serveFetchHandler(POST);
    port = new URL(app.url).port;
    // InfraFlow calls itself localhost; deliveries reach it on the same port.
    appUrl = `http://localhost:${port}`;
  });
  useTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe("TRUNCATE monitored_repos, repo_webhooks, webhook_deliveries, users RESTART IDENTITY CASCADE");
    for (const hook of await hooks()) await github.rest.repos.deleteWebhook({ owner, repo, hook_id: hook.id });
    users.length = 0;
    for (const login of ["demo-dev", "teammate"]) users.push((await db().user.create({ data: { githubId: BigInt(users.length + 1), login } })).id);
  });
  afterAll(async () => {
    await app?.close();
    await sim?.remove();
  });

  const hooks = async () => (await github.rest.repos.listWebhooks({ owner, repo })).data;
  const ours = async () => (await hooks()).filter((h) => h.config.url !== FOREIGN);
  const addHook = (url: string) => github.rest.repos.createWebhook({ owner, repo, config: { url, content_type: "json", secret: "old" }, events: ["push"] });
  const monitor = (userId = users[0]!) => monitorRepo({ db: db(), github, log, userId, repoFullName: REPO, appUrl });
  const stop = (userId = users[0]!) => unmonitorRepo({ db: db(), github, log, userId, repoFullName: REPO, appUrl });

  /** Pings the hook and waits for InfraFlow's answer: 2xx only when the hook signs with the secret InfraFlow stored for it. */
  async function pingStatus(hookId: number): Promise<number> {
    const before = (await github.rest.repos.listWebhookDeliveries({ owner, repo, hook_id: hookId })).data.length;
    await github.rest.repos.pingWebhook({ owner, repo, hook_id: hookId });
    await sim.idle();
    const deliveries = await eventually(async () => {
      const list = (await github.rest.repos.listWebhookDeliveries({ owner, repo, hook_id: hookId })).data;
      return list.length > before ? list : undefined;
    }, "the ping delivery");
    return deliveries[0]!.status_code;
  }

  it("adopts the hooks spelled 127.0.0.1 or with a trailing slash, keeps one with its own secret, and leaves other hooks alone", async () => {
    await addHook(`http://127.0.0.1:${port}/api/webhooks/github`);
    await addHook(`http://localhost:${port}/api/webhooks/github/`);
    await addHook(FOREIGN);

    const result = await monitor();
    expect(result.webhook.installed).toBe(true);
    const kept = await ours();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ config: { url: `${appUrl}/api/webhooks/github` }, active: true });
    expect([...kept[0]!.events].sort()).toEqual([...WEBHOOK_EVENTS].sort());
    expect((await hooks()).map((h) => h.config.url)).toContain(FOREIGN);

    const stored = await db().repoWebhook.findUniqueOrThrow({ where: { repoFullName: REPO } });
    expect(stored.hookId).toBe(BigInt(kept[0]!.id));
    expect(await pingStatus(kept[0]!.id)).toBe(200);
  });

  it("monitoring again, by the same or another user, or after a restart, keeps the same hook and secret", async () => {
    await monitor();
    const [first] = await ours();
    // Sealed at rest with a fresh IV each write: compare what it opens to.
    const secret = openWebhookSecret((await db().repoWebhook.findUniqueOrThrow({ where: { repoFullName: REPO } })).secret);
    await monitor();
    await monitor(users[1]);
    // The demo wiring of an earlier version registered 127.0.0.1 while the app called itself localhost.
    await addHook(`http://127.0.0.1:${port}/api/webhooks/github`);
    await monitor();
    expect((await ours()).map((h) => h.id)).toEqual([first!.id]);
    expect(openWebhookSecret((await db().repoWebhook.findUniqueOrThrow({ where: { repoFullName: REPO } })).secret)).toBe(secret);
    expect(await pingStatus(first!.id)).toBe(200);
  });

  it("Stop → Monitor → monitor again leaves exactly one hook", async () => {
    await monitor();
    await stop();
    await monitor();
    await monitor();
    expect(await ours()).toHaveLength(1);
    expect(await pingStatus((await ours())[0]!.id)).toBe(200);
  });

  it("the last Stop removes every InfraFlow hook of the repository, however spelled; an earlier one keeps it for the others", async () => {
    await addHook(FOREIGN);
    await monitor();
    await monitor(users[1]);
    expect((await stop(users[1])).webhookRemoved).toBe(false);
    expect(await ours()).toHaveLength(1);

    await addHook(`http://127.0.0.1:${port}/api/webhooks/github`);
    expect((await stop()).webhookRemoved).toBe(true);
    expect((await hooks()).map((h) => h.config.url)).toEqual([FOREIGN]);
    expect(await db().repoWebhook.count()).toBe(0);
    expect(await db().monitoredRepo.count()).toBe(0);
  });
});
