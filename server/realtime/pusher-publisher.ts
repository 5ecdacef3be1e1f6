// Publishes through Pusher's HTTP API with the official SDK (signed requests). Every message goes to the
// private channel of its repository (messages.ts repoChannel), with its logical channel inside, so only
// browsers the access rule let join that channel receive it; a message naming no repository is not sent.
import Pusher from "pusher";
import type { Env } from "../env";
import type { LivePublisher } from "./publisher";
import { LIVE_EVENT, repoChannel } from "./messages";

export function createPusherClient(e: Env): Pusher {
  const base = { appId: e.PUSHER_APP_ID!, key: e.PUSHER_KEY!, secret: e.PUSHER_SECRET!, useTLS: e.PUSHER_USE_TLS };
  return e.PUSHER_HOST
    ? new Pusher({ ...base, host: e.PUSHER_HOST, ...(e.PUSHER_PORT && { port: String(e.PUSHER_PORT) }) })
    : new Pusher({ ...base, cluster: e.PUSHER_CLUSTER });
}

export function createPusherPublisher(e: Env): LivePublisher {
  const client = createPusherClient(e);
  return {
    transport: "pusher",
    async publish(channel, message) {
      if (!message.repoFullName) return;
      const res = await client.trigger(repoChannel(message.repoFullName), LIVE_EVENT, { channel, ...message });
      if (res.status >= 300) throw new Error(`Pusher refused the event: HTTP ${res.status}`);
    },
  };
}
