// Start-up of the server process: settings, database (embedded when none is configured), and the
// embedded workflow runner's recovery of runs a restart interrupted.
import { InvalidEnvError, env, type Env } from "./env";
import { logger } from "./logger";
import { EmbeddedPostgresError } from "./db/embedded-postgres";
import { startDatabase } from "./db/start-database";

export async function boot(): Promise<void> {
  let e;
  try {
    e = env();
    assertProductionSettings(e);
  } catch (err) {
    if (err instanceof InvalidEnvError) {
      // One clear line, then stop: a wrong setting must not start a half-configured server.
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = logger("boot");
  const database = await startDatabase(e).catch((err: unknown) => {
    // Embedded PostgreSQL's failures already say in one line what to do; a stack trace would bury it.
    if (err instanceof EmbeddedPostgresError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  });
  const { workflowEngine } = await import("@/inngest/client");
  const engine = workflowEngine(e);
  if (engine === "embedded") {
    const { embeddedRunner } = await import("@/inngest/runner");
    const resumed = await embeddedRunner().recover();
    if (resumed.length) log.warn({ resumed }, "Resumed workflow runs interrupted by the last shutdown");
  }
  log.info({ database: database.embedded ? "embedded" : "external", workflows: engine }, "Started InfraFlow");
}

/** Production never runs on development conveniences: sessions must be signed with a configured secret,
 *  webhooks need InfraFlow's public URL, unsigned deliveries are never accepted, and credentials at rest
 *  are sealed with a configured key. */
export function assertProductionSettings(e: Env): void {
  if (e.NODE_ENV !== "production") return;
  if (!e.NEXTAUTH_SECRET) {
    throw new InvalidEnvError("NEXTAUTH_SECRET", "required in production (any long random string, e.g. `openssl rand -base64 32`)", undefined);
  }
  if (!e.APP_URL && !e.NEXTAUTH_URL) {
    throw new InvalidEnvError("APP_URL", "required in production (or NEXTAUTH_URL): InfraFlow's public URL, which GitHub calls with webhooks", undefined);
  }
  if (e.WEBHOOK_ALLOW_UNSIGNED) {
    throw new InvalidEnvError("WEBHOOK_ALLOW_UNSIGNED", "must not be true in production: unsigned webhook deliveries could come from anyone", "true");
  }
  if (!e.TOKEN_ENCRYPTION_KEY) {
    throw new InvalidEnvError("TOKEN_ENCRYPTION_KEY", "required in production: 32 random bytes as base64 or hex (e.g. `openssl rand -base64 32`) that seal GitHub tokens and webhook secrets at rest", undefined);
  }
}
