// Server-Sent Events: the embedded live-updates transport (used when no Pusher keys are set).
import { currentUser } from "@/server/auth/session";
import { logger } from "@/server/logger";
import { sseHub } from "@/server/realtime/live";
import { sseFrame } from "@/server/realtime/sse-hub";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export async function GET(req: Request) {
  if (!(await currentUser())) return Response.json({ error: "Sign in with GitHub first" }, { status: 401 });
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
      send(": connected\nretry: 3000\n\n");
      const unsubscribe = sseHub().subscribe((channel, message) => send(sseFrame(channel, message)));
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
      logger("dashboard").info({ transport: "sse" }, "WebSocket client connected");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
