// What travels on the live-update channels (runbook §6 WebSocket topics, kept as channel names). A
// message carries ids and a kind, never the record itself: clients refetch what they show.
import { z } from "zod";

export const CHANNELS = ["pipeline-events", "healing-events", "security-events", "knowledge-events"] as const;
export type Channel = (typeof CHANNELS)[number];

export const liveMessageSchema = z.object({
  kind: z.string().min(1),
  id: z.string().optional(),
  repoFullName: z.string().optional(),
  at: z.string(),
});
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** Pusher event name and SSE `event:` field for every message. */
export const LIVE_EVENT = "update";

export function liveMessage(kind: string, ids: { id?: string | bigint; repoFullName?: string } = {}): LiveMessage {
  return {
    kind,
    ...(ids.id !== undefined && { id: String(ids.id) }),
    ...(ids.repoFullName !== undefined && { repoFullName: ids.repoFullName }),
    at: new Date().toISOString(),
  };
}
