// The /healing list's query, read from the URL by the server page (prefetch) and the client list alike.
import type { SessionsQuery } from "./sessions-table";

export const SESSION_STATUSES = ["ANALYZING", "PENDING_APPROVAL", "APPLIED", "REJECTED", "FAILED"] as const;
export const PAGE_SIZE = 25;

/** The list's query from the URL (also used by the server page to prefetch the same query). */
export function sessionsQueryFromParams(get: (k: string) => string | null | undefined): SessionsQuery {
  const source = get("source");
  return {
    status: get("status") || undefined,
    repo: get("repo") || undefined,
    failureType: get("failureType") || undefined,
    source: source === "LLM" || source === "KNOWLEDGE_BASE" ? source : undefined,
    cursor: get("cursor") || undefined,
    limit: PAGE_SIZE,
  };
}

