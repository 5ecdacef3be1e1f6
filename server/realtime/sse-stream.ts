// Turns the in-process hub into one browser's Server-Sent Events stream, with keep-alives, ended when
// the client goes away.
import type { SseHub } from "./sse-hub";
import { sseFrame } from "./sse-hub";
import type { LiveMessage } from "./messages";

/** `allow` decides per message whether this client may see it (the access rule for its repository);
 *  messages are written in the order published. */
export function createSseResponse(hub: SseHub, signal: AbortSignal, heartbeatMs = 15_000, allow: (message: LiveMessage) => Promise<boolean> | boolean = () => true): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      let queue = Promise.resolve();
      const unsubscribe = hub.subscribe((channel, message) => {
        queue = queue.then(async () => {
          if (await Promise.resolve(allow(message)).catch(() => false)) send(sseFrame(channel, message));
        });
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), heartbeatMs);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      });
      send(": connected\nretry: 3000\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
