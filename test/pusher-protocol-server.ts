// A local Pusher Channels server for tests: the WebSocket protocol pusher-js speaks (connection, subscribe,
// private-channel signatures checked as Pusher checks them: HMAC-SHA256 of "socket_id:channel" with the app
// secret) and the HTTP API the server SDK publishes through (signed requests), fanning events out to the
// sockets subscribed to each channel. RFC 6455 framing for the small text frames the protocol uses.
import { createHash, createHmac, randomInt } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export interface PusherApp {
  id: string;
  key: string;
  secret: string;
}

function frame(text: string): Buffer {
  const payload = Buffer.from(text);
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : payload.length < 65536
        ? Buffer.from([0x81, 126, payload.length >> 8, payload.length & 255])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x81;
            h[1] = 127;
            h.writeBigUInt64BE(BigInt(payload.length), 2);
            return h;
          })();
  return Buffer.concat([header, payload]);
}

/** Reads client frames (always masked) from a growing buffer; returns the unread rest. */
function readFrames(buf: Buffer, onFrame: (opcode: number, payload: Buffer) => void): Buffer {
  for (;;) {
    if (buf.length < 2) return buf;
    const opcode = buf[0]! & 0x0f;
    let len = buf[1]! & 0x7f;
    let offset = 2;
    if (len === 126) {
      if (buf.length < 4) return buf;
      len = buf.readUInt16BE(2);
      offset = 4;
    } else if (len === 127) {
      if (buf.length < 10) return buf;
      len = Number(buf.readBigUInt64BE(2));
      offset = 10;
    }
    if (buf.length < offset + 4 + len) return buf;
    const mask = buf.subarray(offset, offset + 4);
    const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + len));
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    onFrame(opcode, payload);
    buf = buf.subarray(offset + 4 + len);
  }
}

export async function startPusherProtocolServer(app: PusherApp) {
  const subscriptions = new Map<string, Set<Duplex>>();
  const refused: { channel: string; socketId: string }[] = [];
  const sockets = new Set<Duplex>();

  const server = createServer(async (req, res) => {
    // The HTTP API: POST /apps/:id/events, signed like Pusher's (auth_key, auth_timestamp, body_md5, auth_signature).
    let raw = "";
    for await (const c of req) raw += c;
    const url = new URL(req.url!, "http://x");
    const { auth_signature, ...signed } = Object.fromEntries(url.searchParams);
    const query = Object.keys(signed).sort().map((k) => `${k}=${signed[k]}`).join("&");
    const expected = createHmac("sha256", app.secret).update(`${req.method}\n${url.pathname}\n${query}`).digest("hex");
    const ok = auth_signature === expected && signed.auth_key === app.key && signed.body_md5 === createHash("md5").update(raw).digest("hex");
    if (!ok || url.pathname !== `/apps/${app.id}/events`) return void res.writeHead(401).end("{}");
    const body = JSON.parse(raw) as { name: string; channels: string[]; data: string };
    for (const channel of body.channels) {
      for (const s of subscriptions.get(channel) ?? []) s.write(frame(JSON.stringify({ event: body.name, channel, data: body.data })));
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex) => {
    if (!req.url?.startsWith(`/app/${app.key}`)) return void socket.destroy();
    const accept = createHash("sha1").update(`${req.headers["sec-websocket-key"]}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    const socketId = `${randomInt(1, 1e9)}.${randomInt(1, 1e9)}`;
    const send = (event: string, data: unknown, channel?: string) => socket.write(frame(JSON.stringify({ event, ...(channel && { channel }), data: JSON.stringify(data) })));
    send("pusher:connection_established", { socket_id: socketId, activity_timeout: 120 });
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = readFrames(Buffer.concat([pending, chunk]), (opcode, payload) => {
        if (opcode === 8) return void socket.end();
        if (opcode === 9) return void socket.write(Buffer.concat([Buffer.from([0x8a, payload.length]), payload]));
        if (opcode !== 1) return;
        const msg = JSON.parse(payload.toString("utf8")) as { event: string; data: { channel?: string; auth?: string } };
        if (msg.event === "pusher:ping") return send("pusher:pong", {});
        if (msg.event !== "pusher:subscribe" || !msg.data.channel) return;
        const channel = msg.data.channel;
        if (channel.startsWith("private-")) {
          const signature = createHmac("sha256", app.secret).update(`${socketId}:${channel}`).digest("hex");
          if (msg.data.auth !== `${app.key}:${signature}`) {
            refused.push({ channel, socketId });
            return send("pusher:error", { code: 4009, message: `Invalid signature for ${channel}` });
          }
        }
        if (!subscriptions.has(channel)) subscriptions.set(channel, new Set());
        subscriptions.get(channel)!.add(socket);
        send("pusher_internal:subscription_succeeded", {}, channel);
      });
    });
    socket.on("close", () => {
      sockets.delete(socket);
      for (const set of subscriptions.values()) set.delete(socket);
    });
    socket.on("error", () => undefined);
  });

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    host: "127.0.0.1",
    port,
    /** Sockets subscribed to a channel (server side). */
    subscribers: (channel: string) => subscriptions.get(channel)?.size ?? 0,
    /** Subscriptions refused for a bad signature. */
    refused,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
