// A live event for every status change of a session (runbook §6 /topic/healing-events): ids and a kind only.
import { publishLive } from "../realtime/live";

export function announceSession(kind: string, session: { id: bigint | string; repoFullName: string }): Promise<void> {
  return publishLive("healing-events", `healing-session.${kind}`, { id: String(session.id), repoFullName: session.repoFullName });
}
