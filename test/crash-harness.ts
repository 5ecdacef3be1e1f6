// Crash tests for workflows on the embedded runner: run workflows in a real child process (tsx), let it die
// by SIGKILL at an exact step, start a fresh process on the same database, and check that the run completes
// with every side effect done exactly once.
//
//   const db = useTestDatabase();                                    // the test's database, shared with the children
//   const first = await startWorkflowProcess({
//     databaseUrl: db.url(), module: "inngest/functions/index.ts",   // any module exporting `workflows`
//     send: [{ name: "infraflow/…", data: {…} }],
//     crash: { at: "after-journal", stepId: "create-commit" },       // or "before-journal": the step's work is
//   });                                                              // done but not journaled (it must be safe to redo)
//   const [runId] = first.started;
//   expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
//   const second = await startWorkflowProcess({ databaseUrl: db.url(), module: "inngest/functions/index.ts" });
//   await waitForWorkflowRun(runId, "COMPLETED");                    // taken over once the dead lease expired (~1 s)
//   await second.stop();
//   // Faster, and just as fresh: resume in this test process with its own runner, which never saw the run
//   // (startEmbeddedEngine({ workflows }) from test/workflow-engines.ts, or createEmbeddedRunner + recover()).
//   …assert the side effects (simulator, database) happened once…
//
// The crash point is a hook of the runner (`hooks` in EmbeddedRunnerOptions) that only this harness's child
// (test/workflow-process.ts) passes, and that child kills itself with SIGKILL there: deterministic (no race
// between "the test saw step N journaled" and "the process already ran step N+1"), and impossible to trigger
// in the product, which never constructs a runner with hooks — no environment variable can reach it.
// Without `crash`, kill() ends the child whenever the test decides (e.g. after waitForJournal()).
// Children get `env` on top of this process's environment (simulator URLs, tokens, DATABASE_URL).
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { WorkflowEvent } from "@/inngest/workflow";
import { db } from "@/server/db/client";
import type { WorkflowProcessConfig } from "./workflow-process";

const repoRoot = path.resolve(import.meta.dirname, "..");

export interface WorkflowProcessOptions extends Omit<WorkflowProcessConfig, "send"> {
  databaseUrl: string;
  send?: WorkflowEvent<unknown>[];
  env?: Record<string, string>;
  /** How long to wait for the child to be ready. Default 60 s. */
  startTimeoutMs?: number;
}

export interface WorkflowProcess {
  pid: number;
  /** Runs resumed at start-up, and runs started by `send`. */
  resumed: string[];
  started: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL now. */
  kill(): Promise<void>;
  /** SIGTERM: the runner stops (finishing or pausing its runs) and the process exits. */
  stop(): Promise<void>;
  /** The child's stdout and stderr so far (for failure messages). */
  output(): string;
}

export async function startWorkflowProcess(options: WorkflowProcessOptions): Promise<WorkflowProcess> {
  const { databaseUrl, env, startTimeoutMs, ...config } = options;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "test/workflow-process.ts")], {
    cwd: repoRoot,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, WORKFLOW_PROCESS_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-16_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<{ resumed: string[]; started: string[] }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output = (output + line + "\n").slice(-16_000);
      try {
        const msg = JSON.parse(line) as { ready?: boolean; resumed: string[]; started: string[] };
        if (msg.ready) resolve(msg);
      } catch {
        // a log line
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`workflow process exited (${code ?? signal}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`workflow process not ready within ${startTimeoutMs ?? 60_000} ms:\n${output}`)), startTimeoutMs ?? 60_000).unref();
  });
  let status;
  try {
    status = await ready;
  } catch (err) {
    // A crash point inside the first dispatch can fire before "ready"; that is the test's business.
    if (config.crash && (await Promise.race([exited, Promise.resolve(undefined)]))?.signal === "SIGKILL") {
      status = { resumed: [], started: [] };
    } else {
      child.kill("SIGKILL");
      throw err;
    }
  }
  return {
    pid: child.pid!,
    ...status,
    exited,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a run reaches a status (COMPLETED, FAILED, SLEEPING, WAITING, …); returns its row. */
export function waitForWorkflowRun(runId: string, status: string, timeoutMs = 30_000) {
  return until(`run ${runId} to be ${status}`, async () => (await db().workflowRun.findFirst({ where: { id: runId, status } })) ?? undefined, timeoutMs);
}

/** Waits until some run of `functionId` has journaled `stepId`; returns the run id. */
export function waitForJournal(functionId: string, stepId: string, timeoutMs = 30_000): Promise<string> {
  return until(
    `${functionId} to journal ${stepId}`,
    async () => {
      const rows = await db().$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM workflow_runs WHERE function_id = $1 AND steps ? $2 LIMIT 1`, functionId, stepId);
      return rows[0]?.id;
    },
    timeoutMs,
  );
}
