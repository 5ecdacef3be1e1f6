// Pusher private channels with a real pusher-js client against a local Pusher-protocol server: a user joins
// the channel of a repository only when the access rule lets them read it (this route signs the
// subscription), and then receives that repository's live messages; a stranger's subscription is refused.
import PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateRepoWithPeople } from "@/test/access-fixture";
import { useTestDatabase } from "@/test/database";
import { startPusherProtocolServer } from "@/test/pusher-protocol-server";
import { serveRoute } from "@/test/serve-route";
import { sessionCookie } from "@/test/session-cookie";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { env, resetEnvForTests } from "@/server/env";
import { liveMessage, repoChannel } from "@/server/realtime/messages";
import { createPusherPublisher } from "@/server/realtime/pusher-publisher";
import { POST } from "./route";

const APP = { id: "4242", key: "local-key", secret: "local-secret" };

describe("POST /api/realtime/pusher-auth with a real pusher-js client", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let pusher: Awaited<ReturnType<typeof startPusherProtocolServer>>;
  let auth: Awaited<ReturnType<typeof serveRoute>>;
  const clients: PusherClient[] = [];
  beforeAll(async () => {
    sim = await startTestSimulator();
    pusher = await startPusherProtocolServer(APP);
    Object.assign(process.env, {
      GITHUB_URL: sim.url, NEXTAUTH_SECRET: "pusher-test-secret",
      PUSHER_APP_ID: APP.id, PUSHER_KEY: APP.key, PUSHER_SECRET: APP.secret, PUSHER_HOST: pusher.host, PUSHER_PORT: String(pusher.port), PUSHER_USE_TLS: "false",
    });
    resetEnvForTests();
    auth = await serveRoute(POST);
  });
  useTestDatabase();
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    for (const k of ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "PUSHER_USE_TLS"]) delete process.env[k];
    resetEnvForTests();
    await auth?.close();
    await pusher?.close();
    await sim?.remove();
  });

  function client(cookie: string | null) {
    const c = new PusherClient(APP.key, {
      cluster: "mt1", wsHost: pusher.host, wsPort: pusher.port, forceTLS: false, enabledTransports: ["ws"],
      channelAuthorization: {
        endpoint: `${auth.url}/api/realtime/pusher-auth`,
        transport: "ajax",
        // The browser sends its session cookie with the ajax call; Node's client is given it here.
        customHandler: async ({ socketId, channelName }, callback) => {
          const res = await fetch(`${auth.url}/api/realtime/pusher-auth`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie && { cookie }) },
            body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
          });
          if (res.ok) callback(null, (await res.json()) as { auth: string });
          else callback(new Error(`auth endpoint answered ${res.status}`), null);
        },
      },
    });
    clients.push(c);
    return c;
  }

  function subscribe(c: PusherClient, channel: string) {
    const received: unknown[] = [];
    const ch = c.subscribe(channel);
    ch.bind("update", (data: unknown) => received.push(data));
    const outcome = new Promise<"subscribed" | "refused">((resolve) => {
      ch.bind("pusher:subscription_succeeded", () => resolve("subscribed"));
      ch.bind("pusher:subscription_error", () => resolve("refused"));
    });
    return { received, outcome };
  }

  it("lets a reader join the repository's channel and receive its messages; refuses a stranger and an anonymous client", async () => {
    const { reader, stranger, repo } = await privateRepoWithPeople(sim, "push");
    const channel = repoChannel(repo);
    const readerSub = subscribe(client((await sessionCookie(reader)).cookie), channel);
    const strangerSub = subscribe(client((await sessionCookie(stranger)).cookie), channel);
    const anonymousSub = subscribe(client(null), channel);
    expect(await readerSub.outcome).toBe("subscribed");
    expect(await strangerSub.outcome).toBe("refused");
    expect(await anonymousSub.outcome).toBe("refused");
    expect(pusher.subscribers(channel)).toBe(1);

    await createPusherPublisher(env()).publish("healing-events", liveMessage("healing-session.created", { id: 5n, repoFullName: repo }));
    await expect.poll(() => readerSub.received.length).toBe(1);
    expect(readerSub.received[0]).toMatchObject({ channel: "healing-events", kind: "healing-session.created", id: "5", repoFullName: repo });
    expect(strangerSub.received).toEqual([]);
  });

  it("answers 403 for channels that are not a repository's and 404 for a repository the user cannot read", async () => {
    const { stranger, repo } = await privateRepoWithPeople(sim, "push2");
    const { cookie } = await sessionCookie(stranger);
    const post = (channel: string) =>
      fetch(`${auth.url}/api/realtime/pusher-auth`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ socket_id: "123.456", channel_name: channel }),
      }).then((r) => r.status);
    expect(await post("healing-events")).toBe(403);
    expect(await post(repoChannel(repo))).toBe(404);
  });
});
