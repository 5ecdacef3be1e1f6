// Runs one `run:` step with bash as GitHub's runner does (`bash --noprofile --norc -eo pipefail`),
// in its own process group so a timeout or the end of the step kills everything it started.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { StepLog } from "./job-log";

export interface StepProcessOptions {
  script: string;
  cwd: string;
  env: Record<string, string>;
  tempDir: string;
  log: StepLog;
  /** Absolute deadline (ms since epoch) after which the process group is killed. */
  deadline: number;
  /** Aborted when the simulator stops: the step is killed like a cancelled job. */
  signal: AbortSignal;
}

export type StepOutcome = { kind: "exited"; code: number } | { kind: "timed_out" };

export async function runStepProcess(options: StepProcessOptions): Promise<StepOutcome> {
  const scriptFile = path.join(options.tempDir, `step-${Date.now()}-${Math.random().toString(36).slice(2)}.sh`);
  await writeFile(scriptFile, options.script);
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, Math.max(options.deadline - Date.now(), 0));
    const onAbort = () => killGroup();
    options.signal.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => options.log.output(chunk));
    child.stderr.on("data", (chunk: Buffer) => options.log.output(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
      // Orphans the step left behind (background servers) die with the step, as on a hosted runner.
      killGroup();
      resolve(timedOut ? { kind: "timed_out" } : { kind: "exited", code: code ?? 1 });
    });
  });
}
