// The process's live publisher, and the one call domain code makes: `publishLive`.
import { env } from "../env";
import { logger } from "../logger";
import { processSingleton } from "../runtime-state";
import { liveMessage, type Channel } from "./messages";
import { pusherConfigured, type LivePublisher } from "./publisher";
import { createPusherPublisher } from "./pusher-publisher";
import { createSseHub, type SseHub } from "./sse-hub";

export function sseHub(): SseHub {
  return processSingleton("sse-hub", createSseHub);
}

export function livePublisher(): LivePublisher {
  return processSingleton("live-publisher", () => (pusherConfigured(env()) ? createPusherPublisher(env()) : sseHub()));
}

/**
 * Tells dashboards something changed. Never throws: a live update is a hint, the database is the truth.
 * The repository is required: a message is delivered only to those who may read it (server/access).
 */
export async function publishLive(channel: Channel, kind: string, ids: { id?: string | bigint; repoFullName: string }): Promise<void> {
  const log = logger("dashboard");
  try {
    await livePublisher().publish(channel, liveMessage(kind, ids));
    log.debug({ channel, kind, id: ids.id?.toString() }, "Forwarding healing event to WebSocket");
  } catch (err) {
    log.warn({ err, channel, kind }, "Live update could not be published");
  }
}
