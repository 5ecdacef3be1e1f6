// The embedded workflow engine: runs the same handlers as Inngest, with a journal in PostgreSQL
// (workflow_runs). Each step's result is journaled before the next step starts, so a run interrupted by a
// crash resumes where it stopped instead of repeating side effects. Any number of app instances can share
// the database: a run is executed only by the process holding its lease (renewed by a heartbeat), a
// periodic sweep takes over runs whose owner died once their lease expires, wakes sleeping runs and times
// out waits, and a concurrency limit is counted in the database, across instances.
import { randomBytes, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { StepError } from "inngest";
import type { Logger } from "pino";
import type { Db } from "@/server/db/client";
import type { ReceivedEvent, Workflow, WorkflowEvent } from "../workflow";
import { LeaseLostError, createJournal, type ClaimedRun } from "./journal";
import { createRunExecution, isNonRetriable, matchesWait, toJson, type StepHooks } from "./run-execution";

export interface EmbeddedRunnerOptions {
  workflows: Workflow<never>[];
  db: () => Db;
  log: Logger;
  /** Runs this process executes at once. Default 4. */
  concurrency?: number;
  /** Base delay of the exponential backoff between step attempts. Default 1 s. */
  retryDelayMs?: number;
  /** How long a run stays owned without a heartbeat; a dead process's runs are taken over after it. Default 15 s. */
  leaseMs?: number;
  /** How often this process looks for runs to take over, wake or time out. Default 2 s. */
  sweepMs?: number;
  /** This process's name in `lease_owner`. Default host:pid:random. */
  owner?: string;
  /** Test-only fault injection points (test/crash-harness.ts); production never sets them. */
  hooks?: StepHooks;
}

export interface EmbeddedRunner {
  readonly owner: string;
  /** Starts every workflow triggered by these events and resolves waits they match; resolves once journaled. */
  dispatch(events: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<string[]>;
  /**
   * Start-up: marks runs of workflows this version lacks, resumes runs a previous process left behind
   * (as soon as their lease is free) and starts the heartbeat and the periodic sweep. Returns the ids of
   * interrupted runs it took over right away.
   */
  recover(): Promise<string[]>;
  /** Resolves when this process executes no run (tests, shutdown); suspended runs do not count. */
  idle(): Promise<void>;
  /** Stops the timers and waits for this process's executions to finish or pause. */
  stop(): Promise<void>;
}

/** Wake-ups further away than this are left to the sweep rather than a timer. */
const MAX_TIMER_MS = 10 * 60_000;

export function createEmbeddedRunner(options: EmbeddedRunnerOptions): EmbeddedRunner {
  const { log } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 15_000;
  const sweepMs = options.sweepMs ?? 2_000;
  const maxLocal = options.concurrency ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const journal = createJournal(options.db, owner, leaseMs);
  const byId = new Map(options.workflows.map((w) => [w.id, w]));
  const functionIds = [...byId.keys()];

  const executing = new Map<string, { promise: Promise<void>; lose: () => void }>();
  const wakeTimers = new Set<NodeJS.Timeout>();
  let timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let pumping: Promise<string[]> | undefined;
  let pumpAgain = false;

  function startTimers() {
    if (timers.length || stopped) return;
    const heartbeat = setInterval(() => void renewLeases(), Math.max(50, Math.floor(leaseMs / 3)));
    const sweep = setInterval(() => void pump(), sweepMs);
    timers = [heartbeat, sweep];
    for (const t of timers) t.unref();
  }

  async function renewLeases() {
    const mine = [...executing.keys()];
    try {
      const kept = await journal.renew(mine);
      for (const id of mine) if (!kept.has(id) && executing.has(id)) executing.get(id)!.lose();
    } catch (err) {
      log.warn({ err }, "Could not renew workflow run leases");
    }
  }

  function scheduleWake(at: Date) {
    const delay = Math.max(0, at.getTime() - Date.now()) + 5;
    if (delay > MAX_TIMER_MS || stopped) return;
    const t = setTimeout(() => {
      wakeTimers.delete(t);
      void pump();
    }, delay);
    t.unref();
    wakeTimers.add(t);
  }

  /** Claims runs this process may execute now, up to its free slots. Serialized; returns runs taken over. */
  function pump(): Promise<string[]> {
    if (stopped) return Promise.resolve([]);
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    const tookOver: string[] = [];
    pumping = (async () => {
      try {
        do {
          pumpAgain = false;
          await claimRuns(tookOver);
        } while (pumpAgain && !stopped);
      } catch (err) {
        log.error({ err }, "Could not claim workflow runs");
      } finally {
        pumping = undefined;
      }
      return tookOver;
    })();
    return pumping;
  }

  async function claimRuns(tookOver: string[]) {
    let free = maxLocal - executing.size;
    if (free <= 0) return;
    const candidates = await journal.claimable(functionIds, free * 4 + 8);
    const blocked = new Set<string>();
    for (const c of candidates) {
      if (free <= 0 || stopped) break;
      const workflow = byId.get(c.functionId)!;
      const slot = workflow.concurrency && { functionId: workflow.id, key: c.concurrencyKey ?? "", limit: workflow.concurrency.limit };
      if (slot && blocked.has(JSON.stringify([slot.functionId, slot.key]))) continue;
      if (executing.has(c.id)) continue;
      const run = await journal.claim(c.id, slot);
      if (!run) {
        if (slot) blocked.add(JSON.stringify([slot.functionId, slot.key]));
        continue;
      }
      if (run.takenOver) {
        tookOver.push(run.id);
        log.warn({ runId: run.id, function: run.functionId, attempt: run.attempt }, "Resuming an interrupted workflow run");
      }
      start(run, workflow);
      free -= 1;
    }
  }

  function start(run: ClaimedRun, workflow: Workflow<never>) {
    let lose = () => {};
    const promise = (async () => {
      try {
        await execute(run, workflow, (l) => (lose = l));
      } catch (err) {
        if (err instanceof LeaseLostError) log.warn({ runId: run.id, function: workflow.id }, err.message);
        else log.error({ runId: run.id, function: workflow.id, err }, "Workflow run could not be recorded");
      } finally {
        executing.delete(run.id);
        void pump();
      }
    })();
    executing.set(run.id, { promise, lose: () => lose() });
  }

  async function execute(run: ClaimedRun, workflow: Workflow<never>, onLose: (lose: () => void) => void) {
    const execution = createRunExecution({ run, workflow, journal, log, retryDelayMs, dispatch, hooks: options.hooks });
    onLose(execution.lose);
    const event = { name: run.eventName, data: run.eventData as never, ...(run.eventId && { id: run.eventId }) };
    // Errors outside steps re-run the handler (replaying the journal) up to `retries` times, as Inngest
    // retries a function; a step that failed for good or a NonRetriableError fails the run.
    for (let pass = 0; ; pass++) {
      const outcome = await Promise.race([
        workflow.handler({ event, step: execution.tools(), runId: run.id, attempt: run.attempt + pass }).then(
          (value) => ({ kind: "done" as const, value }),
          (error: unknown) => ({ kind: "error" as const, error }),
        ),
        execution.halted,
      ]);
      await execution.settle();
      if (outcome.kind === "lost") return log.warn({ runId: run.id, function: workflow.id }, "Stopped a workflow run another process took over");
      if (outcome.kind === "suspend") {
        const wakeAt = await journal.suspend(run.id, outcome.wait, outcome.wake);
        scheduleWake(wakeAt);
        return;
      }
      if (outcome.kind === "done") return journal.complete(run.id, toJson(outcome.value));
      const { error } = outcome;
      if (error instanceof LeaseLostError) throw error;
      if (!(error instanceof StepError) && !isNonRetriable(error) && pass < workflow.retries) {
        log.warn({ runId: run.id, function: workflow.id, err: error, pass }, "Workflow handler failed; retrying");
        await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** pass));
        continue;
      }
      log.error({ runId: run.id, function: workflow.id, err: error }, "Workflow run failed");
      return journal.fail(run.id, error instanceof Error ? error.message : String(error));
    }
  }

  async function dispatch(input: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<string[]> {
    startTimers();
    const events = Array.isArray(input) ? input : [input];
    const started: string[] = [];
    for (const event of events) {
      const eventData = toJson(event.data ?? {});
      for (const workflow of options.workflows.filter((w) => w.event === event.name)) {
        const id = randomUUID();
        const concurrencyKey = workflow.concurrency ? workflow.concurrency.keyOf({ data: eventData }) : null;
        // An event id makes the run idempotent per function, as in Inngest.
        const created = await journal.insert({ id, functionId: workflow.id, eventName: event.name, ...(event.id && { eventId: event.id }), eventData, concurrencyKey });
        if (created) started.push(id);
      }
      await resolveWaits({ name: event.name, data: eventData, id: event.id ?? randomUUID(), ts: Date.now() });
    }
    await pump();
    return started;
  }

  async function resolveWaits(received: ReceivedEvent<unknown>) {
    for (const waiting of await journal.waitingFor(received.name)) {
      if (!matchesWait(waiting.wait, waiting.eventData, received)) continue;
      if (await journal.resolveWait(waiting.id, waiting.wait.step, received)) {
        log.info({ runId: waiting.id, step: waiting.wait.step, event: received.name }, "Workflow wait matched an event");
      }
    }
  }

  return {
    owner,
    dispatch,
    async recover() {
      stopped = false;
      // A version without a workflow cannot run its pending runs: they are marked, not silently kept.
      // (So every instance sharing the database must have the same workflows.)
      for (const run of await journal.interruptUnknown(functionIds)) {
        log.warn({ runId: run.id, function: run.functionId }, "Interrupted workflow run cannot be resumed: its workflow no longer exists");
      }
      startTimers();
      return pump();
    },
    async idle() {
      while (executing.size || pumping) await Promise.allSettled([...[...executing.values()].map((e) => e.promise), pumping]);
    },
    async stop() {
      stopped = true;
      for (const t of [...timers, ...wakeTimers]) clearTimeout(t);
      timers = [];
      wakeTimers.clear();
      await Promise.allSettled([...executing.values()].map((e) => e.promise));
    },
  };
}
