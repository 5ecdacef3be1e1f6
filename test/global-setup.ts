// Vitest global setup: one real (embedded) PostgreSQL for the whole run, with a migrated template
// database that each test file clones (CREATE DATABASE ... TEMPLATE) for isolation.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { applyMigrations } from "../server/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "infraflow_template", ephemeral: true });
  await applyMigrations(server.url);
  // A template must have no open connections when cloned; the migrator closed its own.
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE infraflow_template WITH is_template = true`);
  await admin.end();
  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgTemplate", "infraflow_template");
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
