// Publishes through Pusher's HTTP API with the official SDK (signed requests).
import Pusher from "pusher";
import type { Env } from "../env";
import type { LivePublisher } from "./publisher";
import { LIVE_EVENT } from "./messages";

export function createPusherPublisher(e: Env): LivePublisher {
  const base = { appId: e.PUSHER_APP_ID!, key: e.PUSHER_KEY!, secret: e.PUSHER_SECRET!, useTLS: e.PUSHER_USE_TLS };
  const client = e.PUSHER_HOST
    ? new Pusher({ ...base, host: e.PUSHER_HOST, ...(e.PUSHER_PORT && { port: String(e.PUSHER_PORT) }) })
    : new Pusher({ ...base, cluster: e.PUSHER_CLUSTER });
  return {
    transport: "pusher",
    async publish(channel, message) {
      const res = await client.trigger(channel, LIVE_EVENT, message);
      if (res.status >= 300) throw new Error(`Pusher refused the event: HTTP ${res.status}`);
    },
  };
}
