import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { applyMigrations, readMigrations } from "./migrate";

const run = promisify(execFile);
const prisma = path.resolve("node_modules/.bin/prisma");

/** `prisma migrate diff` between the committed migrations and a schema; exit code 2 means they differ. */
async function diffExitCode(schemaPath: string, migrationsDir: string, databaseUrl: string): Promise<number> {
  try {
    await run(prisma, ["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaPath, "--exit-code"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return 0;
  } catch (err) {
    const e = err as { code?: number; stderr?: string };
    if (e.code === 2) return 2;
    throw new Error(`prisma migrate diff failed: ${e.stderr}`);
  }
}

describe("migrations", () => {
  it("match schema.prisma exactly (drift check), and the check notices a difference", async () => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "infraflow-drift-"));
    try {
      expect(await diffExitCode("prisma/schema.prisma", "prisma/migrations", db.url)).toBe(0);
      const drifted = (await readFile("prisma/schema.prisma", "utf8")).replace(
        '@@map("users")',
        'driftProbe String? @map("drift_probe")\n  @@map("users")',
      );
      await writeFile(path.join(dir, "schema.prisma"), drifted);
      await cp("prisma/migrations", path.join(dir, "migrations"), { recursive: true });
      expect(await diffExitCode(path.join(dir, "schema.prisma"), path.join(dir, "migrations"), db.url)).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 120_000);

  it("are applied once, recorded in Prisma's journal, and a failing one leaves nothing behind", async () => {
    const db = await createTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "infraflow-migs-"));
    const client = new pg.Client({ connectionString: db.url });
    try {
      // The template database already has every committed migration.
      expect(await applyMigrations(db.url)).toEqual([]);
      const names = (await readMigrations("prisma/migrations")).map((m) => m.name);
      await client.connect();
      const journal = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`);
      expect(journal.rows.map((r) => r.migration_name)).toEqual(names);

      await cp("prisma/migrations", dir, { recursive: true });
      await cp(path.join("prisma/migrations", names[0]!), path.join(dir, "99999999999999_broken"), { recursive: true });
      await writeFile(path.join(dir, "99999999999999_broken", "migration.sql"), `CREATE TABLE half_written (id int);\nSELECT * FROM no_such_table;`);
      await expect(applyMigrations(db.url, dir)).rejects.toThrow(/99999999999999_broken failed/);
      const leftovers = await client.query(`SELECT to_regclass('half_written') AS t`);
      expect(leftovers.rows[0].t).toBeNull();
    } finally {
      await client.end();
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
