// With INNGEST_DEV pointing at an Inngest dev server, events leave the process through the Inngest SDK
// (here a local HTTP endpoint speaking the event API records them) instead of the embedded runner.
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const received: { path: string; body: unknown }[] = [];
const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    received.push({ path: req.url!, body: JSON.parse(raw || "null") });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: ["01J00000000000000000000000"], status: 200 }));
  });
});

describe("sendEvents with an Inngest server configured", () => {
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    process.env.INNGEST_DEV = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("posts the events to Inngest's event API, with their ids for de-duplication", async () => {
    const { sendEvents } = await import("./send");
    await sendEvents([{ name: "infraflow/push.received", id: "push-d1", data: { repoFullName: "octo/app" } }]);
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toMatch(/^\/e\//);
    expect(received[0]!.body).toEqual([expect.objectContaining({ name: "infraflow/push.received", id: "push-d1", data: { repoFullName: "octo/app" } })]);
  });
});
