// The Inngest client. With INNGEST_DEV or INNGEST_EVENT_KEY set, events go to Inngest (dev server, Cloud
// or self-hosted) and /api/inngest serves the functions; otherwise the in-process runner executes the
// same handlers (inngest/runner).
import { Inngest } from "inngest";
import { env, type Env } from "@/server/env";
import { logger } from "@/server/logger";

export type WorkflowEngine = "inngest" | "embedded";

/** INNGEST_DEV as Inngest reads it: "1"/"true" is the local dev server, a URL is that dev server,
 *  "0"/"false" forces cloud mode; unset leaves the choice to InfraFlow. */
function devSetting(e: Env): { dev: true; url?: string } | { dev: false } | undefined {
  const value = e.INNGEST_DEV?.trim();
  if (!value) return undefined;
  if (value === "0" || value.toLowerCase() === "false") return { dev: false };
  return URL.canParse(value) && /^https?:/.test(value) ? { dev: true, url: value } : { dev: true };
}

export function workflowEngine(e: Env): WorkflowEngine {
  return devSetting(e)?.dev || e.INNGEST_EVENT_KEY ? "inngest" : "embedded";
}

export function clientOptions(e: Env) {
  const setting = devSetting(e);
  // Outside production with no Inngest keys there is nothing to verify requests with, so /api/inngest is
  // served in dev mode (what a local `inngest dev` expects) instead of answering 500. Production keeps
  // cloud mode, where the SDK refuses to execute anything without INNGEST_SIGNING_KEY.
  const isDev = setting ? setting.dev : e.NODE_ENV !== "production" && !e.INNGEST_SIGNING_KEY && !e.INNGEST_EVENT_KEY;
  return {
    id: "infraflow",
    isDev,
    // The SDK logs pino-style (object first); its lines join the app's JSON logs at LOG_LEVEL.
    logger: logger("inngest"),
    ...(setting?.dev && setting.url && { baseUrl: setting.url }),
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
