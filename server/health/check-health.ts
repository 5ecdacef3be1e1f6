// The shape of the runbook's actuator endpoints: {"status":"UP", "components": {...}}. The database is
// required (DOWN makes the whole answer DOWN, HTTP 503); the others report how they are wired.
import type { Env } from "../env";
import type { Db } from "../db/client";
import { usesEmbeddedDatabase } from "../db/database-url";
import { githubEndpoints } from "../github/endpoints";
import { pusherConfigured } from "../realtime/publisher";

export type Status = "UP" | "DOWN";
export interface Component {
  status: Status;
  details?: Record<string, unknown>;
}
export interface Health {
  status: Status;
  components: Record<string, Component>;
}

export interface HealthProbes {
  db: Db;
  /** Extra probes registered by other domains (knowledge base, ...). */
  extra?: Record<string, () => Promise<Component>>;
}

async function probeDatabase(db: Db, e: Env): Promise<Component> {
  const engine = usesEmbeddedDatabase(e) ? "embedded-postgres" : "postgresql";
  try {
    const [row] = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    return { status: "UP", details: { engine, version: row?.version } };
  } catch (err) {
    return { status: "DOWN", details: { engine, error: (err as Error).message } };
  }
}

export async function checkHealth(e: Env, probes: HealthProbes): Promise<Health> {
  const extras = Object.entries(probes.extra ?? {});
  const [db, ...extraResults] = await Promise.all([probeDatabase(probes.db, e), ...extras.map(([, probe]) => probe().catch((err: Error) => ({ status: "DOWN" as const, details: { error: err.message } })))]);
  const components: Record<string, Component> = {
    db: db!,
    ...Object.fromEntries(extras.map(([name], i) => [name, extraResults[i]!])),
    workflows: { status: "UP", details: { engine: e.INNGEST_DEV || e.INNGEST_EVENT_KEY ? "inngest" : "embedded" } },
    realtime: { status: "UP", details: { transport: pusherConfigured(e) ? "pusher" : "sse" } },
    github: { status: "UP", details: { url: githubEndpoints(e.GITHUB_URL).web, oauthConfigured: Boolean(e.GITHUB_OAUTH_CLIENT_ID) } },
    llm: { status: "UP", details: { mode: e.HEALING_DEMO_MODE ? "demo" : e.ANTHROPIC_API_KEY ? "anthropic" : "unconfigured", model: e.ANTHROPIC_MODEL } },
  };
  const status: Status = db!.status === "UP" && extraResults.every((c) => c!.status === "UP") ? "UP" : "DOWN";
  return { status, components };
}

/** What an anonymous caller sees: each component's state and how it is wired, never an error text (which
 *  can name hosts, users or paths). Signed-in users get the full answer. */
export function anonymousHealth(health: Health): Health {
  return {
    status: health.status,
    components: Object.fromEntries(
      Object.entries(health.components).map(([name, c]) => {
        const { error: _error, ...details } = c.details ?? {};
        return [name, { status: c.status, ...(c.details && { details }) }];
      }),
    ),
  };
}
