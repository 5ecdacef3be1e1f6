// One execution of a run by the embedded runner: the step tools the handler receives, replaying the journal
// as Inngest replays its state. A step that must wait (sleep, waitForEvent) or a lost lease halts the
// execution the way Inngest does: the step's promise never settles and the runner stops awaiting the
// handler, so no try/catch in a handler can swallow the pause.
import { NonRetriableError, StepError, durationToMs, serializeError } from "inngest";
import pRetry from "p-retry";
import type { Logger } from "pino";
import { compileEventMatch } from "../expression";
import { eventName, waitExpression, type ReceivedEvent, type Workflow, type WorkflowEvent, type WorkflowStep } from "../workflow";
import { LeaseLostError, type ClaimedRun, type Journal, type JournalEntry, type Wait } from "./journal";
import { stepIdSequence } from "./step-ids";

/** Test-only observation points (the crash harness kills its process at one of them). */
export interface StepHooks {
  /** The step's function returned; its result is not journaled yet. */
  beforeJournal?(info: { runId: string; functionId: string; stepId: string }): void | Promise<void>;
  /** The step's result is journaled; the next step has not started. */
  afterJournal?(info: { runId: string; functionId: string; stepId: string }): void | Promise<void>;
}

/** A step's retries were cut short because the execution halted. */
class HaltedError extends Error {}

export type Halt = { kind: "suspend"; wait: Wait; wake: { ms: number } | { until: Date } } | { kind: "lost" };

interface ExecutionDeps {
  run: ClaimedRun;
  workflow: Workflow<never>;
  journal: Journal;
  log: Logger;
  retryDelayMs: number;
  dispatch(events: WorkflowEvent<unknown>[]): Promise<unknown>;
  hooks?: StepHooks;
}

export function isNonRetriable(err: unknown): boolean {
  return err instanceof NonRetriableError || (err instanceof Error && err.name === "NonRetriableError");
}

/** Step results are JSON, as in Inngest: undefined becomes null, BigInts are dropped. */
export function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? undefined : v)) ?? "null");
}

export function createRunExecution(deps: ExecutionDeps) {
  const { run, workflow, journal, log } = deps;
  const steps = run.steps;
  const inFlight = new Set<Promise<unknown>>();
  const abort = new AbortController();
  let halt: Halt | undefined;
  let signalHalt: (h: Halt) => void = () => {};
  const halted = new Promise<Halt>((resolve) => (signalHalt = resolve));
  const never = <T>() => new Promise<T>(() => {});

  function stop(h: Halt) {
    if (halt) return;
    halt = h;
    abort.abort();
    signalHalt(h);
  }

  function replay<T>(stepId: string): T {
    const entry = steps[stepId]!;
    if ("error" in entry) throw new StepError(stepId, entry.error);
    return entry.data as T;
  }

  async function record(stepId: string, entry: JournalEntry) {
    const info = { runId: run.id, functionId: workflow.id, stepId };
    await deps.hooks?.beforeJournal?.(info);
    await journal.step(run.id, stepId, entry);
    steps[stepId] = entry;
    await deps.hooks?.afterJournal?.(info);
  }

  /** Runs a step body with retries and journals its outcome; a lost lease halts the execution. */
  function execute<T>(stepId: string, body: () => Promise<T> | T): Promise<T> {
    const work = (async () => {
      let value: unknown;
      try {
        value = await pRetry(async () => body(), {
          retries: workflow.retries,
          minTimeout: deps.retryDelayMs,
          factor: 2,
          signal: abort.signal,
          shouldRetry: ({ error }) => !isNonRetriable(error),
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) =>
            log.warn({ runId: run.id, function: workflow.id, step: stepId, attempt: attemptNumber, retriesLeft, err: error }, "Workflow step failed"),
        });
      } catch (err) {
        if (halt) throw new HaltedError();
        const error = serializeError(err) as { name: string; message: string; stack?: string };
        await record(stepId, { error: { name: error.name, message: error.message, ...(error.stack && { stack: error.stack }) } });
        throw new StepError(stepId, error);
      }
      const data = toJson(value);
      await record(stepId, { data });
      return data as T;
    })();
    // settle() waits for the work itself; the handler sees a promise that never settles once halted.
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    );
    return work.catch((err: unknown) => {
      if (err instanceof LeaseLostError) stop({ kind: "lost" });
      if (err instanceof LeaseLostError || err instanceof HaltedError) return never<T>();
      throw err;
    });
  }

  function suspend(wait: Wait, wake: { ms: number } | { until: Date }) {
    stop({ kind: "suspend", wait, wake });
    return never<never>();
  }

  /** Step tools for one pass of the handler (ids are numbered from scratch on every pass, as in Inngest). */
  function tools(): WorkflowStep {
    const nextId = stepIdSequence();
    const sleepStep = async (stepId: string, wake: { ms: number } | { until: Date }) => {
      if (halt) return never<void>();
      if (stepId in steps) return replay<void>(stepId);
      // Claimed again because the wake-up time passed: the sleep is over.
      if (run.wait?.step === stepId) return execute(stepId, () => null).then(() => undefined);
      return suspend({ step: stepId, kind: "sleep" }, wake);
    };
    return {
      run: (id, fn) => {
        const stepId = nextId(id);
        if (halt) return never();
        if (stepId in steps) return Promise.resolve().then(() => replay(stepId));
        return execute(stepId, fn);
      },
      sendEvent: async (id, events) => {
        const stepId = nextId(id);
        if (halt) return never();
        if (stepId in steps) return replay<void>(stepId);
        // A deterministic id per sent event: a step resent after a crash starts no second run.
        const list = (Array.isArray(events) ? events : [events]).map((e, i) => ({ ...e, id: e.id ?? `${run.id}:${stepId}:${i}` }));
        await execute(stepId, async () => {
          await deps.dispatch(list);
          return { ids: list.map((e) => e.id) };
        });
      },
      sleep: (id, duration) => sleepStep(nextId(id), { ms: durationToMs(duration) }),
      sleepUntil: (id, time) => {
        const until = new Date(time);
        if (Number.isNaN(until.getTime())) throw new Error(`step.sleepUntil("${id}"): ${String(time)} is not a date`);
        return sleepStep(nextId(id), { until });
      },
      waitForEvent: async (id, options) => {
        const stepId = nextId(id);
        const expression = waitExpression(options);
        if (halt) return never();
        if (stepId in steps) return replay(stepId);
        // Claimed again with no event journaled: the wait timed out.
        if (run.wait?.step === stepId) return execute(stepId, () => null) as never;
        return suspend({ step: stepId, kind: "event", event: eventName(options.event), ...(expression && { if: expression }) }, { ms: durationToMs(options.timeout) });
      },
    };
  }

  return {
    tools,
    /** Settles when the execution pauses (suspend) or must stop (lease lost). */
    halted,
    lose: () => stop({ kind: "lost" }),
    /** Waits for steps still running (parallel steps when another one halted the execution). */
    settle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type RunExecution = ReturnType<typeof createRunExecution>;

/** Does an event satisfy a run's wait? (The `if` expression was validated when the wait began.) */
export function matchesWait(wait: Wait, runEvent: unknown, received: ReceivedEvent<unknown>): boolean {
  if (!wait.if) return true;
  return compileEventMatch(wait.if)({ event: { data: runEvent }, async: { data: received.data } });
}
