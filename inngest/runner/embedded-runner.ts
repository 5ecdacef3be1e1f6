// The embedded workflow engine: runs the same handlers as Inngest, inside this process, with a journal
// in PostgreSQL (workflow_runs). Each step's result is memoized in the journal before the next step
// starts, so a run interrupted by a restart resumes where it stopped instead of repeating side effects.
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import pRetry from "p-retry";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Logger } from "pino";
import type { Workflow, WorkflowEvent, WorkflowStep } from "../workflow";

export interface EmbeddedRunnerOptions {
  workflows: Workflow<never>[];
  db: () => Db;
  log: Logger;
  /** Runs executing at once. */
  concurrency?: number;
  /** Base delay of the exponential backoff between step attempts. */
  retryDelayMs?: number;
}

export interface EmbeddedRunner {
  /** Starts every workflow triggered by these events; resolves once they are journaled, not finished. */
  dispatch(events: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<string[]>;
  /** Resumes runs a previous process left RUNNING. Returns their ids. */
  recover(): Promise<string[]>;
  /** Resolves when no run is executing (tests, shutdown). */
  idle(): Promise<void>;
}

type Steps = Record<string, { data: unknown }>;

export function createEmbeddedRunner(options: EmbeddedRunnerOptions): EmbeddedRunner {
  const { db, log } = options;
  const limit = pLimit(options.concurrency ?? 4);
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const inFlight = new Set<Promise<void>>();

  function track(p: Promise<void>) {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  async function execute(runId: string, workflow: Workflow<never>, event: WorkflowEvent<unknown>, steps: Steps, attempt: number) {
    const step: WorkflowStep = {
      run: async <T>(id: string, fn: () => Promise<T> | T): Promise<T> => {
        if (id in steps) return steps[id]!.data as T;
        const value = await pRetry(async () => fn(), {
          retries: workflow.retries,
          minTimeout: retryDelayMs,
          factor: 2,
          onFailedAttempt: ({ error, attemptNumber }) =>
            log.warn({ runId, function: workflow.id, step: id, attempt: attemptNumber, err: error }, "Workflow step failed; retrying"),
        });
        // Same rule as Inngest: step results are JSON.
        const data = value === undefined ? null : JSON.parse(JSON.stringify(value));
        steps[id] = { data };
        await db().workflowRun.update({ where: { id: runId }, data: { steps: steps as Prisma.InputJsonObject } });
        return data as T;
      },
      sendEvent: async (id, events) => {
        await step.run(id, async () => {
          await dispatch(events);
          return null;
        });
      },
      sleep: async (id, ms) => {
        if (id in steps) return;
        await new Promise((r) => setTimeout(r, ms));
        steps[id] = { data: null };
        await db().workflowRun.update({ where: { id: runId }, data: { steps: steps as Prisma.InputJsonObject } });
      },
    };
    try {
      await workflow.handler({ event: event as WorkflowEvent<never>, step, runId, attempt });
      await db().workflowRun.update({ where: { id: runId }, data: { status: "COMPLETED", finishedAt: new Date() } });
    } catch (err) {
      log.error({ runId, function: workflow.id, err }, "Workflow run failed");
      await db()
        .workflowRun.update({
          where: { id: runId },
          data: { status: "FAILED", error: err instanceof Error ? err.message : String(err), finishedAt: new Date() },
        })
        .catch((e: unknown) => log.error({ runId, err: e }, "Could not record the failed workflow run"));
    }
  }

  function start(runId: string, workflow: Workflow<never>, event: WorkflowEvent<unknown>, steps: Steps, attempt = 0) {
    track(limit(() => execute(runId, workflow, event, steps, attempt)));
  }

  async function dispatch(input: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<string[]> {
    const events = Array.isArray(input) ? input : [input];
    const started: string[] = [];
    for (const event of events) {
      for (const workflow of options.workflows.filter((w) => w.event === event.name)) {
        const runId = randomUUID();
        const eventData = JSON.parse(JSON.stringify(event.data ?? {}));
        if (event.id) {
          // An event id makes the run idempotent per function, as in Inngest.
          const { count } = await db().workflowRun.createMany({
            data: [{ id: runId, functionId: workflow.id, eventName: event.name, eventId: event.id, eventData, status: "RUNNING" }],
            skipDuplicates: true,
          });
          if (count === 0) continue;
        } else {
          await db().workflowRun.create({
            data: { id: runId, functionId: workflow.id, eventName: event.name, eventData, status: "RUNNING" },
          });
        }
        started.push(runId);
        start(runId, workflow, { ...event, data: eventData }, {});
      }
    }
    return started;
  }

  return {
    dispatch,
    async recover() {
      const interrupted = await db().workflowRun.findMany({ where: { status: "RUNNING" }, orderBy: { startedAt: "asc" } });
      const resumed: string[] = [];
      for (const run of interrupted) {
        const workflow = options.workflows.find((w) => w.id === run.functionId);
        if (!workflow) {
          await db().workflowRun.update({
            where: { id: run.id },
            data: { status: "INTERRUPTED", error: `No workflow named ${run.functionId} in this version`, finishedAt: new Date() },
          });
          log.warn({ runId: run.id, function: run.functionId }, "Interrupted workflow run cannot be resumed");
          continue;
        }
        const { attempt } = await db().workflowRun.update({ where: { id: run.id }, data: { attempt: { increment: 1 } } });
        log.info({ runId: run.id, function: run.functionId }, "Resuming workflow run interrupted by a restart");
        resumed.push(run.id);
        const event = { name: run.eventName, data: run.eventData, ...(run.eventId && { id: run.eventId }) };
        start(run.id, workflow, event, (run.steps ?? {}) as Steps, attempt);
      }
      return resumed;
    },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
