// Starts a simulator on a random port with its own temporary data directory, for one test file.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startGitHubSimulator, type GitHubSimulator, type StartOptions } from "../index";

export async function startTestSimulator(options: Partial<StartOptions> = {}): Promise<GitHubSimulator & { dataDir: string; remove(): Promise<void> }> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "github-sim-")));
  const sim = await startGitHubSimulator({ maxConcurrentJobs: 1, ...options, dataDir });
  return Object.assign(sim, {
    dataDir,
    async remove() {
      await sim.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Polls until `check` returns a value (tests never assert on time, only on the outcome). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, attempts = 600): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}
