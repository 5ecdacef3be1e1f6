// The Inngest client. With INNGEST_DEV or INNGEST_EVENT_KEY set, events go to Inngest (dev server, Cloud
// or self-hosted) and /api/inngest serves the functions; otherwise the in-process runner executes the
// same handlers (inngest/runner).
import { Inngest } from "inngest";
import { env, type Env } from "@/server/env";

export type WorkflowEngine = "inngest" | "embedded";

/** INNGEST_DEV: "1"/"true" is the local dev server, a URL is that dev server, "0"/"false" means cloud mode. */
function devServer(e: Env): { url?: string } | undefined {
  const dev = e.INNGEST_DEV?.trim();
  if (!dev || dev === "0" || dev.toLowerCase() === "false") return undefined;
  return URL.canParse(dev) && /^https?:/.test(dev) ? { url: dev } : {};
}

export function workflowEngine(e: Env): WorkflowEngine {
  return devServer(e) || e.INNGEST_EVENT_KEY ? "inngest" : "embedded";
}

export function clientOptions(e: Env) {
  const dev = devServer(e);
  // Outside production with no Inngest keys there is nothing to verify requests with, so /api/inngest is
  // served in dev mode (what a local `inngest dev` expects) instead of answering 500. Production keeps
  // cloud mode, where the SDK refuses to execute anything without INNGEST_SIGNING_KEY.
  const isDev = Boolean(dev) || (e.NODE_ENV !== "production" && !e.INNGEST_SIGNING_KEY && !e.INNGEST_EVENT_KEY);
  return {
    id: "infraflow",
    isDev,
    ...(dev?.url && { baseUrl: dev.url }),
    ...(e.INNGEST_BASE_URL && { baseUrl: e.INNGEST_BASE_URL }),
    ...(e.INNGEST_EVENT_KEY && { eventKey: e.INNGEST_EVENT_KEY }),
    ...(e.INNGEST_SIGNING_KEY && { signingKey: e.INNGEST_SIGNING_KEY }),
  };
}

let current: { env: Env; client: Inngest } | undefined;

/** The process's client, built from the parsed settings (rebuilt when tests re-parse them). */
export function inngestClient(): Inngest {
  const e = env();
  if (current?.env !== e) current = { env: e, client: new Inngest(clientOptions(e)) };
  return current.client;
}
