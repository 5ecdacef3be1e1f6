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

/** Pusher carries every message on the private channel of its repository, which a browser may join only
 *  when the access rule lets its user read that repository (/api/realtime/pusher-auth). */
const REPO_CHANNEL = /^private-repo-([A-Za-z0-9_.-]+)@([A-Za-z0-9_.-]+)$/;

export function repoChannel(repoFullName: string): string {
  const [owner, repo] = repoFullName.split("/");
  return `private-repo-${owner}@${repo}`;
}

export function repoOfChannel(channelName: string): string | null {
  const m = REPO_CHANNEL.exec(channelName);
  return m ? `${m[1]}/${m[2]}` : null;
}
