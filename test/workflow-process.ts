// An app-like process for crash tests (started by test/crash-harness.ts, never by the product): loads a
// module's workflows, runs them with the embedded runner on DATABASE_URL as the app does at boot (recover,
// heartbeat, sweep), optionally sends events, and kills itself with SIGKILL at the requested step, so the
// crash happens at an exact point between journal writes. Config: JSON in WORKFLOW_PROCESS_CONFIG.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createEmbeddedRunner } from "@/inngest/runner/embedded-runner";
import type { Workflow, WorkflowEvent } from "@/inngest/workflow";
import { db, disconnectDb } from "@/server/db/client";
import { logger } from "@/server/logger";

export interface WorkflowProcessConfig {
  /** Module exporting the workflows (absolute, or relative to the repository root). */
  module: string;
  /** Its export holding a Workflow[] (default "workflows"). */
  exportName?: string;
  send?: WorkflowEvent<unknown>[];
  /** SIGKILL this process when a step reaches the point: "before-journal" (its function returned, its result not yet journaled) or "after-journal". */
  crash?: { at: "before-journal" | "after-journal"; stepId: string; functionId?: string };
  leaseMs?: number;
  sweepMs?: number;
  retryDelayMs?: number;
}

const config = JSON.parse(process.env.WORKFLOW_PROCESS_CONFIG ?? "{}") as WorkflowProcessConfig;
const repoRoot = path.resolve(import.meta.dirname, "..");
const mod = (await import(pathToFileURL(path.resolve(repoRoot, config.module)).href)) as Record<string, unknown>;
const workflows = mod[config.exportName ?? "workflows"] as Workflow<never>[];
if (!Array.isArray(workflows)) throw new Error(`${config.module} has no export ${config.exportName ?? "workflows"}`);

const crashAt = (point: "before-journal" | "after-journal") => (info: { functionId: string; stepId: string }) => {
  const c = config.crash;
  if (c?.at === point && c.stepId === info.stepId && (!c.functionId || c.functionId === info.functionId)) process.kill(process.pid, "SIGKILL");
};

const runner = createEmbeddedRunner({
  workflows,
  db,
  log: logger("workflow-process"),
  leaseMs: config.leaseMs ?? 1000,
  sweepMs: config.sweepMs ?? 200,
  retryDelayMs: config.retryDelayMs ?? 50,
  hooks: { beforeJournal: crashAt("before-journal"), afterJournal: crashAt("after-journal") },
});

process.once("SIGTERM", () => {
  void runner
    .stop()
    .then(() => disconnectDb())
    .finally(() => process.exit(0));
});

const resumed = await runner.recover();
const started = config.send?.length ? await runner.dispatch(config.send) : [];
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, resumed, started })}\n`);
setInterval(() => {}, 1 << 30);
