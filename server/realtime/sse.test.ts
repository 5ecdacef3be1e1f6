import { EventSource } from "eventsource";
import { afterEach, describe, expect, it } from "vitest";
import { serveFetchHandler } from "@/test/serve-fetch-handler";
import { liveMessage } from "./messages";
import { createSseHub } from "./sse-hub";
import { createSseResponse } from "./sse-stream";

describe("Server-Sent Events adapter", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it("delivers published messages to a real EventSource client, then unsubscribes when it leaves", async () => {
    const hub = createSseHub();
    const server = await serveFetchHandler((req) => createSseResponse(hub, req.signal));
    cleanups.push(server.close);

    const source = new EventSource(`${server.url}/api/realtime`);
    cleanups.push(() => source.close());
    await new Promise<void>((resolve, reject) => {
      source.onopen = () => resolve();
      source.onerror = (e) => reject(new Error(`EventSource failed: ${e.message}`));
    });
    await expect.poll(() => hub.subscriberCount()).toBe(1);

    const received = new Promise<unknown>((resolve) => source.addEventListener("update", (e) => resolve(JSON.parse(e.data))));
    await hub.publish("healing-events", liveMessage("healing-session.created", { id: 42n, repoFullName: "octo/app" }));
    expect(await received).toMatchObject({ channel: "healing-events", kind: "healing-session.created", id: "42", repoFullName: "octo/app" });

    source.close();
    await expect.poll(() => hub.subscriberCount()).toBe(0);
  });
});
