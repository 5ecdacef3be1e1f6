// Executes one job: a fresh checkout of the run's commit, "Set up job", each step (run: for real,
// uses: logged and skipped), "Complete job"; step and job conclusions follow the exit codes.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { exportTree } from "../git/export-tree";
import type { Conclusion, SimJob, SimRun } from "../store/state";
import { StepLog, clearJobLog } from "./job-log";
import type { WorkflowJob } from "./parse-workflow";
import { runStepProcess } from "./run-step-process";

export interface ExecuteJobOptions {
  dataDir: string;
  gitDir: string;
  run: SimRun;
  job: SimJob;
  definition: WorkflowJob;
  workflowEnv: Record<string, string>;
  repositoryFullName: string;
  serverUrl: string;
  defaultTimeoutMs: number;
  signal: AbortSignal;
  now(): string;
  /** Called whenever step or job state changes, so the API and webhooks see progress. */
  changed(): void;
}

export async function executeJob(options: ExecuteJobOptions): Promise<Conclusion> {
  const { job, run, definition } = options;
  const work = path.join(options.dataDir, "work", String(job.id));
  const workspace = path.join(work, "workspace");
  const temp = path.join(work, "temp");
  const home = path.join(work, "home");
  const timeoutMs = definition.timeoutMinutes ? definition.timeoutMinutes * 60_000 : options.defaultTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  await clearJobLog(options.dataDir, job.id);
  const [setup, ...rest] = job.steps;
  const complete = rest.pop()!;
  const userSteps = rest;
  let failed = false;
  let timedOut = false;
  try {
    await runStep(setup!, async (log) => {
      log.line("Current runner version: '2.321.0'");
      log.line("##[group]Operating System");
      log.line(`${process.platform} ${process.arch}`);
      log.line("##[endgroup]");
      log.line("##[group]Runner Image");
      log.line("Image: local-github-simulator");
      log.line("##[endgroup]");
      log.line(`Checking out ${options.repositoryFullName}@${run.headSha}`);
      await rm(work, { recursive: true, force: true });
      await mkdir(temp, { recursive: true });
      await mkdir(home, { recursive: true });
      await exportTree(options.gitDir, run.headSha, workspace);
      log.line(`Complete job name: ${job.name}`);
      return "success";
    });
    const env = baseEnv(options, workspace, temp, home);
    for (const [index, stepDef] of definition.steps.entries()) {
      const step = userSteps[index]!;
      if (!shouldRun(stepDef.if, failed)) {
        markSkipped(step);
        continue;
      }
      const conclusion = await runStep(step, async (log) => {
        if (stepDef.uses) {
          log.line(`##[group]Run ${stepDef.uses}`);
          for (const [k, v] of Object.entries(stepDef.with ?? {})) log.line(`  ${k}: ${v}`);
          log.line("##[endgroup]");
          log.line(`The local GitHub simulator does not run actions; ${stepDef.uses} was skipped.`);
          return "skipped";
        }
        const script = substitute(stepDef.run!, env, run);
        const stepEnv = { ...env, ...definition.env, ...stepDef.env };
        log.line(`##[group]Run ${script.split("\n")[0]}`);
        for (const line of script.replace(/\n$/, "").split("\n")) log.line(line);
        log.line("shell: /usr/bin/bash -e {0}");
        const extraEnv = { ...options.workflowEnv, ...definition.env, ...stepDef.env };
        if (Object.keys(extraEnv).length > 0) {
          log.line("env:");
          for (const [k, v] of Object.entries(extraEnv)) log.line(`  ${k}: ${v}`);
        }
        log.line("##[endgroup]");
        const outcome = await runStepProcess({
          script,
          cwd: stepDef.workingDirectory ? path.join(workspace, stepDef.workingDirectory) : workspace,
          env: { ...options.workflowEnv, ...stepEnv },
          tempDir: temp,
          log,
          deadline,
          signal: options.signal,
        });
        if (outcome.kind === "timed_out") {
          timedOut = true;
          log.line(`##[error]The job running on runner local-simulator has exceeded the maximum execution time of ${Math.round(timeoutMs / 60_000)} minutes.`);
          return "cancelled";
        }
        if (outcome.code !== 0) {
          log.line(`##[error]Process completed with exit code ${outcome.code}.`);
          return stepDef.continueOnError ? "success" : "failure";
        }
        return "success";
      });
      if (conclusion === "failure" || conclusion === "cancelled") failed = true;
    }
  } catch (error) {
    failed = true;
    const open = job.steps.find((s) => s.status === "in_progress");
    if (open) finish(open, "failure");
    const log = await StepLog.open(options.dataDir, job.id, complete.number);
    log.line(`##[error]${(error as Error).message}`);
    await log.close();
  } finally {
    for (const step of userSteps) if (step.status !== "completed") markSkipped(step);
    await runStep(complete, async (log) => {
      log.line("Cleaning up orphan processes");
      await rm(work, { recursive: true, force: true });
      return "success";
    }).catch(() => undefined);
  }
  return timedOut ? "timed_out" : failed ? "failure" : "success";

  async function runStep(step: SimJob["steps"][number], body: (log: StepLog) => Promise<Conclusion>): Promise<Conclusion> {
    step.status = "in_progress";
    step.startedAt = options.now();
    options.changed();
    const log = await StepLog.open(options.dataDir, job.id, step.number);
    try {
      const conclusion = await body(log);
      finish(step, conclusion);
      return conclusion;
    } finally {
      await log.close();
    }
  }

  function finish(step: SimJob["steps"][number], conclusion: Conclusion) {
    step.status = "completed";
    step.conclusion = conclusion;
    step.completedAt = options.now();
    options.changed();
  }

  function markSkipped(step: SimJob["steps"][number]) {
    step.status = "completed";
    step.conclusion = "skipped";
    step.startedAt = step.completedAt = options.now();
    options.changed();
  }
}

/** `if:` as far as the demo needs it: status functions; anything else behaves like success(). */
function shouldRun(condition: string | undefined, failed: boolean): boolean {
  if (!condition) return !failed;
  if (condition.includes("always()")) return true;
  if (condition.includes("failure()")) return failed;
  if (condition.includes("cancelled()")) return false;
  return !failed;
}

function baseEnv(options: ExecuteJobOptions, workspace: string, temp: string, home: string): Record<string, string> {
  const { run } = options;
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: home,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_API_URL: `${options.serverUrl}/api/v3`,
    GITHUB_REPOSITORY: options.repositoryFullName,
    GITHUB_SHA: run.headSha,
    GITHUB_REF: `refs/heads/${run.headBranch}`,
    GITHUB_REF_NAME: run.headBranch,
    GITHUB_EVENT_NAME: run.event,
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    GITHUB_JOB: options.job.key,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    RUNNER_OS: "Linux",
    // npm must never reach a registry from a demo job, and keeps one cache for all jobs.
    npm_config_cache: path.join(options.dataDir, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_offline: "true",
  };
}

function substitute(script: string, env: Record<string, string>, run: SimRun): string {
  const values: Record<string, string> = {
    "github.sha": run.headSha,
    "github.ref": env.GITHUB_REF!,
    "github.ref_name": run.headBranch,
    "github.repository": env.GITHUB_REPOSITORY!,
    "github.event_name": run.event,
    "github.run_id": String(run.id),
    "github.run_number": String(run.runNumber),
    "github.workspace": env.GITHUB_WORKSPACE!,
    ...Object.fromEntries(Object.entries(run.inputs).map(([k, v]) => [`inputs.${k}`, v])),
  };
  return script.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => values[expr] ?? "");
}
