// Which PostgreSQL the process uses: DATABASE_URL, else one built from POSTGRES_* (runbook §2.2), else
// the embedded server started at boot.
import { AppError } from "../errors";
import type { Env } from "../env";
import { runtimeState } from "../runtime-state";

/** The configured external database, or undefined when the embedded default should run. */
export function configuredDatabaseUrl(e: Env): string | undefined {
  if (e.DATABASE_URL) return e.DATABASE_URL;
  const parts = [e.POSTGRES_HOST, e.POSTGRES_PORT, e.POSTGRES_DB, e.POSTGRES_USER, e.POSTGRES_PASSWORD];
  if (parts.every((p) => p === undefined)) return undefined;
  const user = encodeURIComponent(e.POSTGRES_USER ?? "infraflow");
  const password = encodeURIComponent(e.POSTGRES_PASSWORD ?? "infraflow");
  const host = e.POSTGRES_HOST ?? "localhost";
  const port = e.POSTGRES_PORT ?? "5432";
  return `postgresql://${user}:${password}@${host}:${port}/${encodeURIComponent(e.POSTGRES_DB ?? "infraflow")}`;
}

export function resolveDatabaseUrl(e: Env): string {
  const url = configuredDatabaseUrl(e) ?? runtimeState().embeddedPostgres?.url;
  if (!url) {
    throw new AppError("UNAVAILABLE", "The database is not started yet (embedded PostgreSQL starts with the app)");
  }
  return url;
}

/** True when the database is the embedded server: started here, or started by the dev launcher, which hands
 *  its URL (loopback, EMBEDDED_POSTGRES_PORT) to `next dev`. */
export function usesEmbeddedDatabase(e: Env): boolean {
  const configured = configuredDatabaseUrl(e);
  if (!configured) return true;
  const url = new URL(configured);
  return url.hostname === "127.0.0.1" && Number(url.port) === e.EMBEDDED_POSTGRES_PORT;
}
