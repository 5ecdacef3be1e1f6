// Boot step: make sure the process has a migrated database. With no DATABASE_URL/POSTGRES_* this starts
// the embedded PostgreSQL (once per process) and applies the migrations.
import path from "node:path";
import type { Env } from "../env";
import { logger } from "../logger";
import { runtimeState } from "../runtime-state";
import { configuredDatabaseUrl, usesEmbeddedDatabase } from "./database-url";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export async function startDatabase(e: Env): Promise<{ url: string; embedded: boolean }> {
  const log = logger("database");
  const configured = configuredDatabaseUrl(e);
  if (configured) {
    const applied = await applyMigrations(configured);
    if (applied.length) log.info({ applied }, "Applied database migrations");
    return { url: configured, embedded: usesEmbeddedDatabase(e) };
  }
  const state = runtimeState();
  if (!state.embeddedPostgres) {
    const pgLog = logger("embedded-postgres");
    state.embeddedPostgres = await startEmbeddedPostgres({
      dataDir: path.resolve(e.DATA_DIR),
      port: e.EMBEDDED_POSTGRES_PORT,
      onLog: (line) => pgLog.debug(line),
    });
    log.info({ port: e.EMBEDDED_POSTGRES_PORT, dataDir: path.resolve(e.DATA_DIR, "postgres") }, "Embedded PostgreSQL started");
    const applied = await applyMigrations(state.embeddedPostgres.url);
    if (applied.length) log.info({ applied }, "Applied database migrations");
  }
  return { url: state.embeddedPostgres.url, embedded: true };
}

export async function stopDatabase(): Promise<void> {
  const state = runtimeState();
  const running = state.embeddedPostgres;
  state.embeddedPostgres = undefined;
  await running?.stop();
}
