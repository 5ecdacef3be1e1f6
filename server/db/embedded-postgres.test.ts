import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/global-setup";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, readMigrations } from "./migrate";

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL", () => {
  let dataDir = "";
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("keeps its data across a stop and a second start, and stops cleanly", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-pg-reuse-"));
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    const all = (await readMigrations("prisma/migrations")).map((m) => m.name);
    expect(await applyMigrations(first.url)).toEqual(all);
    await query(first.url, `INSERT INTO users (github_id, login) VALUES (1, 'octocat')`);
    await first.stop();
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await applyMigrations(second.url)).toEqual([]);
      expect(await query(second.url, "SELECT login FROM users")).toEqual([{ login: "octocat" }]);
    } finally {
      await second.stop();
    }
  });
});
