// The `infraflow` CLI as a user runs it: the esbuild bundle through bin/infraflow.mjs, through
// `npm exec` (what `npx infraflow` is), and the message a clone gets before the bundle exists.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLogsZip } from "../analysis/testing/run-logs-zip";
import { COMMANDS } from "./commands";
import { main } from "./main";
import { runCommand } from "./testing/run-command";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(repo, "server/analysis/fixtures/go-test.log");

const runMain = (argv: string[]) => runCommand(main, argv);

describe("infraflow command registry", () => {
  it("lists every command in the usage text and rejects unknown ones", async () => {
    const help = await runMain(["--help"]);
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toContain(`  ${name}`);
    const unknown = await runMain(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect((await runMain(["toString"])).code).toBe(2);
  });

  it("hands the remaining arguments to the command", async () => {
    const r = await runMain(["analyze", "--json", fixture]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: fixture, failureType: "TEST_FAILURE" });
  });
});

describe("infraflow from the prebuilt bundle", () => {
  // A copy of bin/ beside a bundle built from the current sources, inside the repository so the
  // bundle's external packages resolve from its node_modules as they do for dist/cli.
  let root: string;
  let zip: string;
  beforeAll(async () => {
    await mkdir(path.join(repo, ".data"), { recursive: true });
    root = await mkdtemp(path.join(repo, ".data", "cli-test-"));
    await mkdir(path.join(root, "bin"));
    await copyFile(path.join(repo, "bin/infraflow.mjs"), path.join(root, "bin/infraflow.mjs"));
    zip = path.join(root, "logs_7.zip");
    await writeFile(zip, runLogsZip());
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it("tells a clone without the bundle how to build it, in one line", async () => {
    const r = await run(process.execPath, [path.join(root, "bin/infraflow.mjs"), "analyze", fixture]).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("npm ci");
  });

  it("runs the bundle, which holds no TypeScript and loads no compiler", async () => {
    const { buildCli } = await import("../../tools/build-cli.mjs");
    const meta = await buildCli({ outdir: path.join(root, "dist/cli"), link: false });
    // What the built files import at run time, as esbuild recorded it: third-party packages and node
    // built-ins only — no tsx, no TypeScript compiler, no .ts module.
    const imported = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((p) => /^(tsx|typescript|ts-node)(\/|$)|\.[cm]?tsx?$/.test(p))).toEqual([]);
    const { stdout } = await run(process.execPath, [path.join(root, "bin/infraflow.mjs"), "analyze", "--json", fixture, zip], { env: { ...process.env, NODE_OPTIONS: "" } });
    const out = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.failureType)).toEqual(["TEST_FAILURE", "BUILD_COMPILE"]);
  }, 60_000);

  it("`npm exec infraflow` (npx) runs the repository's own bin without installing the repository", async () => {
    const cache = await mkdtemp(path.join(tmpdir(), "infraflow-npx-cache-"));
    try {
      const { stdout } = await run("npm", ["exec", "--offline", "--", "infraflow", "analyze", "--json", fixture], { cwd: repo, env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: "false" } });
      expect(JSON.parse(stdout)).toMatchObject({ failureType: "TEST_FAILURE" });
      // npm exec installs a package into <cache>/_npx when it cannot run a local bin.
      expect(await readdir(cache)).not.toContain("_npx");
      const pkg = JSON.parse(await readFile(path.join(repo, "package.json"), "utf8"));
      expect(pkg.bin).toBeUndefined();
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
