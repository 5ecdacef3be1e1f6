// The live-updates port. Pusher Channels when its keys are configured; otherwise Server-Sent Events
// straight from this process (one machine, no account).
import type { Env } from "../env";
import type { Channel, LiveMessage } from "./messages";

export interface LivePublisher {
  readonly transport: "pusher" | "sse";
  publish(channel: Channel, message: LiveMessage): Promise<void>;
}

export function pusherConfigured(e: Env): boolean {
  return Boolean(e.PUSHER_APP_ID && e.PUSHER_KEY && e.PUSHER_SECRET);
}

/** What the browser needs to subscribe; never contains the secret. */
export type LiveClientConfig =
  | { transport: "pusher"; key: string; cluster: string; wsHost?: string; wsPort?: number; forceTLS: boolean; authEndpoint: string }
  | { transport: "sse"; url: string };

export function liveClientConfig(e: Env): LiveClientConfig {
  if (!pusherConfigured(e)) return { transport: "sse", url: "/api/realtime" };
  return {
    transport: "pusher",
    key: e.PUSHER_KEY!,
    cluster: e.PUSHER_CLUSTER,
    ...(e.PUSHER_HOST && { wsHost: e.PUSHER_HOST }),
    ...(e.PUSHER_PORT && { wsPort: e.PUSHER_PORT }),
    forceTLS: e.PUSHER_USE_TLS,
    authEndpoint: "/api/realtime/pusher-auth",
  };
}
