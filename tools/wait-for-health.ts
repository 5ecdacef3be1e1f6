// Waits until an InfraFlow server answers /api/health with {"status":"UP"}; fails early if the process
// that should serve it has exited. Used by the dev launcher, the browser tests and the benchmarks.
import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export async function waitForHealth(url: string, options: { child?: ChildProcess; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (options.child && options.child.exitCode !== null) throw new Error(`the server exited with code ${options.child.exitCode} before ${url} was UP`);
    try {
      const res = await fetch(url);
      if (res.ok && ((await res.json()) as { status?: string }).status === "UP") return;
    } catch {
      // still starting or compiling
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer UP within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`);
}
