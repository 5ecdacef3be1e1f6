import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { liveMessage } from "./messages";
import { createPusherPublisher } from "./pusher-publisher";

// A local endpoint that speaks Pusher's HTTP API and checks each request's signature the way Pusher does
// (https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication).
const APP = { id: "4242", key: "local-key", secret: "local-secret" };
const received: { path: string; body: { name: string; channels: string[]; data: string }; signatureValid: boolean }[] = [];
let port = 0;
const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const url = new URL(req.url!, "http://x");
    const params = Object.fromEntries(url.searchParams);
    const { auth_signature, ...signed } = params;
    const query = Object.keys(signed).sort().map((k) => `${k}=${signed[k]}`).join("&");
    const expected = createHmac("sha256", APP.secret).update(`${req.method}\n${url.pathname}\n${query}`).digest("hex");
    const bodyMd5Ok = signed.body_md5 === createHash("md5").update(raw).digest("hex");
    const signatureValid = auth_signature === expected && bodyMd5Ok && signed.auth_key === APP.key;
    received.push({ path: url.pathname, body: JSON.parse(raw), signatureValid });
    res.writeHead(signatureValid ? 200 : 401, { "Content-Type": "application/json" }).end("{}");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function publisher(secret = APP.secret) {
  return createPusherPublisher(
    parseEnv({ PUSHER_APP_ID: APP.id, PUSHER_KEY: APP.key, PUSHER_SECRET: secret, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(port), PUSHER_USE_TLS: "false" }),
  );
}

describe("Pusher adapter", () => {
  it("publishes a signed event that a Pusher-compatible endpoint accepts", async () => {
    await publisher().publish("pipeline-events", liveMessage("pipeline-event.created", { id: 7n, repoFullName: "octo/app" }));
    const last = received.at(-1)!;
    expect(last.signatureValid).toBe(true);
    expect(last.path).toBe(`/apps/${APP.id}/events`);
    expect(last.body.name).toBe("update");
    expect(last.body.channels).toEqual(["private-repo-octo@app"]);
    expect(JSON.parse(last.body.data)).toMatchObject({ channel: "pipeline-events", kind: "pipeline-event.created", id: "7", repoFullName: "octo/app" });
  });

  it("reports a refused event (wrong secret) as an error", async () => {
    await expect(publisher("wrong-secret").publish("healing-events", liveMessage("x", { repoFullName: "octo/app" }))).rejects.toThrow();
    expect(received.at(-1)!.signatureValid).toBe(false);
  });
});
