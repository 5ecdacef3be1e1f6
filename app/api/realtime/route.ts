// Server-Sent Events: the embedded live-updates transport (used when no Pusher keys are set). Each client
// receives only the messages of repositories its user may read (server/realtime/live-access.ts).
import { currentUser } from "@/server/auth/session";
import { logger } from "@/server/logger";
import { liveMessageFilter } from "@/server/realtime/live-access";
import { sseHub } from "@/server/realtime/live";
import { createSseResponse } from "@/server/realtime/sse-stream";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in with GitHub first" }, { status: 401 });
  logger("dashboard").info({ transport: "sse" }, "WebSocket client connected");
  return createSseResponse(sseHub(), req.signal, undefined, liveMessageFilter(user));
}
