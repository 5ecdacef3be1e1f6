import { createServer } from "node:net";
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
  const folders: string[] = [];
  afterAll(async () => {
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  it("keeps its data across a stop and a second start, and stops cleanly", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-pg-reuse-"));
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    folders.push(dataDir, first.dataDir);
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

  it("says in one line what to do when its port is taken, and leaves nothing running", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-pg-busy-"));
    const port = await freePort();
    const squatter = createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    try {
      const error = await startEmbeddedPostgres({ dataDir, port, ephemeral: true }).then(() => null, (e: Error) => e);
      expect(error?.message).toMatch(new RegExp(`could not start on 127\\.0\\.0\\.1:${port}: port ${port} on 127\\.0\\.0\\.1 is taken: set EMBEDDED_POSTGRES_PORT`));
      expect(error?.message).not.toContain("\n");
      expect(error?.stack).toBe(error?.message);
    } finally {
      squatter.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
