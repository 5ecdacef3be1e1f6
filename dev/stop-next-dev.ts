// Stops `next dev` and waits until it is gone, before the database and the simulator it uses stop and
// before the launcher exits: a quick restart must not meet the previous server still holding the port
// or still writing under .next/dev.
import type { ChildProcess } from "node:child_process";

export async function stopNextDev(next: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (next.exitCode !== null || next.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
  next.kill("SIGTERM"); // `next dev` forwards it to its server process
  const gaveUp = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref())]);
  if (gaveUp) {
    try {
      process.kill(-next.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
