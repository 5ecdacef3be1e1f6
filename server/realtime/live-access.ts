// Which live messages a signed-in user may receive: those of repositories they may read (the access rule),
// remembered per connection for ACCESS_CACHE_TTL_SECONDS so a busy stream does not query per message.
// A message naming no repository carries nothing the user may be refused, but nothing they need either: it
// is not sent.
import { canAccessRepo, type Viewer } from "../access";
import { env } from "../env";
import type { LiveMessage } from "./messages";

export function liveMessageFilter(viewer: Viewer, now: () => number = Date.now): (message: LiveMessage) => Promise<boolean> {
  const ttlMs = env().ACCESS_CACHE_TTL_SECONDS * 1000;
  const seen = new Map<string, { ok: boolean; at: number }>();
  return async (message) => {
    const repo = message.repoFullName;
    if (!repo) return false;
    const hit = seen.get(repo);
    if (hit && now() - hit.at < ttlMs) return hit.ok;
    const ok = await canAccessRepo(viewer, repo, "read");
    seen.set(repo, { ok, at: now() });
    return ok;
  };
}
