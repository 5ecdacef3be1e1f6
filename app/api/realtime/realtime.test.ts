// The SSE stream with real EventSource clients signed in with real session cookies: each receives the live
// messages of repositories its user may read, and nothing of the others; no cookie, no stream.
import { EventSource } from "eventsource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateRepoWithPeople } from "@/test/access-fixture";
import { useTestDatabase } from "@/test/database";
import { serveRoute } from "@/test/serve-route";
import { sessionCookie } from "@/test/session-cookie";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { resetEnvForTests } from "@/server/env";
import { sseHub } from "@/server/realtime/live";
import { liveMessage } from "@/server/realtime/messages";
import { GET } from "./route";

describe("GET /api/realtime (Server-Sent Events) per user", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let server: Awaited<ReturnType<typeof serveRoute>>;
  const sources: EventSource[] = [];
  beforeAll(async () => {
    sim = await startTestSimulator();
    Object.assign(process.env, { GITHUB_URL: sim.url, NEXTAUTH_SECRET: "realtime-test-secret" });
    delete process.env.PUSHER_APP_ID;
    resetEnvForTests();
    server = await serveRoute(GET);
  });
  useTestDatabase();
  afterAll(async () => {
    for (const s of sources) s.close();
    await server?.close();
    await sim?.remove();
  });

  async function connect(cookie: string | null) {
    const received: { channel: string; repoFullName?: string; kind: string }[] = [];
    const source = new EventSource(`${server.url}/api/realtime`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie && { cookie }) } }),
    });
    sources.push(source);
    source.addEventListener("update", (e) => received.push(JSON.parse(e.data)));
    const opened = await new Promise<boolean>((resolve) => {
      source.onopen = () => resolve(true);
      source.onerror = () => resolve(false);
    });
    return { source, received, opened };
  }

  it("delivers a repository's messages only to users who may read it", async () => {
    const { reader, stranger, repo, strangerRepo } = await privateRepoWithPeople(sim, "sse");
    const readerClient = await connect((await sessionCookie(reader)).cookie);
    const strangerClient = await connect((await sessionCookie(stranger)).cookie);
    expect(readerClient.opened && strangerClient.opened).toBe(true);
    await expect.poll(() => sseHub().subscriberCount()).toBeGreaterThanOrEqual(2);

    await sseHub().publish("healing-events", liveMessage("healing-session.created", { id: 1n, repoFullName: repo }));
    await sseHub().publish("pipeline-events", liveMessage("pipeline-event.updated", { id: 2n, repoFullName: strangerRepo }));
    await sseHub().publish("knowledge-events", liveMessage("knowledge-base.updated", { id: "no-repo" }));

    // The stranger's own message arrives after the private one was published: by then the private one
    // would have arrived too, had it been sent (one stream, in order).
    await expect.poll(() => strangerClient.received.length).toBe(1);
    expect(strangerClient.received[0]).toMatchObject({ channel: "pipeline-events", repoFullName: strangerRepo });
    await expect.poll(() => readerClient.received.length).toBe(1);
    expect(readerClient.received[0]).toMatchObject({ channel: "healing-events", repoFullName: repo, kind: "healing-session.created" });
  });

  it("refuses a client without a session cookie, or with a forged one", async () => {
    expect((await connect(null)).opened).toBe(false);
    expect((await connect("next-auth.session-token=forged.jwt.value")).opened).toBe(false);
    const res = await fetch(`${server.url}/api/realtime`);
    expect(res.status).toBe(401);
  });
});
