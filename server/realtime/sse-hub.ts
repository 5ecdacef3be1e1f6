// The embedded live-updates engine: an in-process fan-out that /api/realtime streams to browsers as
// Server-Sent Events. One hub per process (see runtime-state for why it lives on globalThis).
import { EventEmitter } from "node:events";
import type { LivePublisher } from "./publisher";
import { CHANNELS, type Channel, type LiveMessage, LIVE_EVENT } from "./messages";

export interface SseHub extends LivePublisher {
  subscribe(listener: (channel: Channel, message: LiveMessage) => void): () => void;
  subscriberCount(): number;
}

export function createSseHub(): SseHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    transport: "sse",
    async publish(channel, message) {
      emitter.emit("message", channel, message);
    },
    subscribe(listener) {
      emitter.on("message", listener);
      return () => emitter.off("message", listener);
    },
    subscriberCount: () => emitter.listenerCount("message"),
  };
}

/** One SSE frame: `event`, `data` lines and the blank line that ends it. */
export function sseFrame(channel: Channel, message: LiveMessage): string {
  return `event: ${LIVE_EVENT}\ndata: ${JSON.stringify({ channel, ...message })}\n\n`;
}

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
