// State survives a restart on the same data directory (seed is idempotent, runs and tokens persist,
// unfinished jobs run again), and the CLI prints its base URL when ready and triggers scenarios.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { startGitHubSimulator } from "./index";
import { eventually } from "./test-support/sim-fixture";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "github-sim-restart-"));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("restarts", () => {
  it("keeps repositories, runs and credentials, and seeding twice changes nothing", async () => {
    const dataDir = await tempDir();
    const first = await startGitHubSimulator({ dataDir });
    const seed = await first.seedDemo();
    await first.breakRepository({ scenario: "lint-failure" });
    await first.idle();
    await first.stop();

    const second = await startGitHubSimulator({ dataDir });
    try {
      const again = await second.seedDemo();
      expect(again.token).toBe(seed.token);
      expect(again.oauthApp).toEqual(seed.oauthApp);
      const headers = { authorization: `token ${seed.token}` };
      const runs = (await (await fetch(`${second.apiUrl}/repos/infraflow-demo/notification-worker/actions/runs`, { headers })).json()) as { workflow_runs: { conclusion: string }[] };
      expect(runs.workflow_runs.map((r) => r.conclusion)).toEqual(["failure", "success"]);
      const repos = (await (await fetch(`${second.apiUrl}/orgs/infraflow-demo/repos`, { headers })).json()) as unknown[];
      expect(repos).toHaveLength(5);
    } finally {
      await second.stop();
    }
  });

  it("runs again the jobs a stopped process left unfinished", async () => {
    const dataDir = await tempDir();
    const first = await startGitHubSimulator({ dataDir });
    await first.seedDemo();
    await first.idle();
    await first.stop();
    // Pretend the process died while the latest job was running.
    const file = path.join(dataDir, "state.json");
    const state = JSON.parse(await readFile(file, "utf8")) as { jobs: { status: string; conclusion: string | null }[]; runs: { status: string; conclusion: string | null }[] };
    Object.assign(state.jobs.at(-1)!, { status: "in_progress", conclusion: null });
    Object.assign(state.runs.at(-1)!, { status: "in_progress", conclusion: null });
    await writeFile(file, JSON.stringify(state));

    const second = await startGitHubSimulator({ dataDir });
    try {
      await second.idle();
      const after = await eventually(async () => {
        const now = JSON.parse(await readFile(file, "utf8")) as typeof state;
        return now.runs.at(-1)!.status === "completed" ? now : undefined;
      }, "the recovered run");
      expect(after.jobs.at(-1)!.status).toBe("completed");
      expect(after.jobs.at(-1)!.conclusion).toBe("success");
    } finally {
      await second.stop();
    }
  });
});

describe("command line", () => {
  it("prints the base URL when ready and breaks a repository by scenario name", async () => {
    const dataDir = await tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "cli.ts"), "--port", "0", "--data", dataDir], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const lines = createInterface({ input: child.stdout! });
      const url = await new Promise<string>((resolve, reject) => {
        lines.once("line", resolve);
        child.once("exit", (code) => reject(new Error(`cli exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const scenario = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "cli.ts"), "scenario", "syntax-error", "--url", url], { stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      scenario.stdout!.on("data", (c: Buffer) => (output += c.toString()));
      const code = await new Promise<number | null>((resolve) => scenario.once("exit", resolve));
      expect(code).toBe(0);
      expect(JSON.parse(output)).toMatchObject({ scenario: "syntax-error", repository: "infraflow-demo/inventory-service", sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
      const listed = (await (await fetch(`${url}/_admin/scenarios`)).json()) as { name: string }[];
      expect(listed.map((s) => s.name)).toContain("missing-dependency");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});
