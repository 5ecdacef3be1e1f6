// Gives a test file its own migrated database, cloned from the run's template, and points the
// process's Prisma client at it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../server/db/client";
import { resetEnvForTests } from "../server/env";

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Call at the top of a test file: a fresh database for this file, wired into `db()`. */
export function useTestDatabase(): { url: () => string } {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    process.env.DATABASE_URL = current.url;
    resetEnvForTests();
    await disconnectDb();
  });
  afterAll(async () => {
    await disconnectDb();
    await current?.drop();
  });
  return {
    url: () => {
      if (!current) throw new Error("useTestDatabase: the database is created in beforeAll");
      return current.url;
    },
  };
}
