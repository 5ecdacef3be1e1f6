// The Inngest client. With INNGEST_DEV or INNGEST_EVENT_KEY set, events go to Inngest (dev server, Cloud
// or self-hosted) and /api/inngest serves the functions; otherwise the in-process runner executes the
// same handlers (inngest/runner).
import { Inngest } from "inngest";
import { env, type Env } from "@/server/env";

export type WorkflowEngine = "inngest" | "embedded";

export function workflowEngine(e: Env): WorkflowEngine {
  return e.INNGEST_DEV || e.INNGEST_EVENT_KEY ? "inngest" : "embedded";
}

function clientOptions(e: Env) {
  const dev = e.INNGEST_DEV;
  return {
    id: "infraflow",
    // INNGEST_DEV=1 means "the local dev server"; any other value is the dev server's URL.
    ...(dev && { isDev: true }),
    ...(dev && dev !== "1" && dev !== "true" && URL.canParse(dev) && { baseUrl: dev }),
    ...(e.INNGEST_BASE_URL && { baseUrl: e.INNGEST_BASE_URL }),
    ...(e.INNGEST_EVENT_KEY && { eventKey: e.INNGEST_EVENT_KEY }),
    ...(e.INNGEST_SIGNING_KEY && { signingKey: e.INNGEST_SIGNING_KEY }),
  };
}

export const inngest = new Inngest(clientOptions(env()));
