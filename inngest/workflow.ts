// One way to write a workflow that both engines run: the handler takes `{ event, step, runId, attempt }` and
// uses only the step methods below, so Inngest and the embedded runner (inngest/runner) call the very same
// code with the same semantics. What each method guarantees is written on it; README "Workflow engines".
import type { EventType, Inngest, InngestFunction } from "inngest";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { inngestClient } from "./client";
import { compileConcurrencyKey, compileEventMatch, matchToIf } from "./expression";

export interface WorkflowEvent<TData> {
  name: string;
  data: TData;
  /** De-duplication key: one run per function per event id, on both engines. */
  id?: string;
}

/** An event as a handler receives it from waitForEvent. */
export interface ReceivedEvent<TData> {
  name: string;
  data: TData;
  id: string;
  ts: number;
}

/** Milliseconds, or an Inngest time string such as "30s", "15m", "1h30m", "7d". */
export type Duration = number | string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema, as in Inngest's own signature
type AnyEventType = EventType<string, any>;
type DataOf<T> = T extends EventType<string, infer S> ? (S extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<S> : Record<string, unknown>) : Record<string, unknown>;

export interface WaitForEventOptions<E extends string | AnyEventType = string> {
  event: E;
  /** How long to wait; the step then returns null. Inngest rounds waits below 1 s up to 1 s. */
  timeout: Duration;
  /** Which event counts, in the expression subset of inngest/expression.ts, e.g. `event.data.id == async.data.id`. */
  if?: string;
  /** Shorthand for `event.<match> == async.<match>`, e.g. "data.sessionId". */
  match?: string;
}

export interface WorkflowStep {
  /**
   * Runs `fn` once per run: its result (JSON; undefined becomes null) is journaled and replayed on every
   * later execution. A throw is retried with backoff up to the workflow's `retries`; a NonRetriableError
   * (from "inngest") is not retried. A step that fails for good throws a StepError into the handler, which
   * may catch it; uncaught, the run fails.
   */
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  /** Sends events (starting matching workflows and resolving matching waits) once per run. */
  sendEvent(id: string, events: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<void>;
  /** A durable sleep: the wake-up time is journaled, a restart resumes the sleep rather than restarting it. */
  sleep(id: string, duration: Duration): Promise<void>;
  sleepUntil(id: string, time: Date | string): Promise<void>;
  /** The first matching event sent after this step is reached, or null after `timeout`. Durable. */
  waitForEvent<E extends string | AnyEventType>(id: string, options: WaitForEventOptions<E>): Promise<ReceivedEvent<DataOf<E>> | null>;
}

export interface WorkflowContext<TData> {
  event: WorkflowEvent<TData>;
  step: WorkflowStep;
  runId: string;
  attempt: number;
}

export type WorkflowHandler<TData> = (ctx: WorkflowContext<TData>) => Promise<unknown>;

export interface WorkflowOptions<T> {
  /** Function id; Inngest shows it as `infraflow-<id>`. */
  id: string;
  trigger: T;
  /** Retries of each step after its first attempt (Inngest's `retries`, 0–20). Default 3. */
  retries?: number;
  /**
   * At most `limit` runs with the same key execute at once (across app instances). `key` is an Inngest
   * expression in the subset of inngest/expression.ts, e.g. `event.data.repoFullName + ":" + event.data.branch`;
   * without it the limit is per function. Runs that sleep or wait for an event do not hold a slot.
   */
  concurrency?: { key?: string; limit: number };
}

export interface Workflow<TData = unknown> {
  id: string;
  event: string;
  retries: number;
  concurrency?: { key?: string; limit: number; keyOf: (event: { data?: unknown }) => string };
  handler: WorkflowHandler<TData>;
  /** The Inngest function served at /api/inngest, built on the app's client. */
  readonly fn: InngestFunction.Any;
  /** The same function on another client (tests serve it to their own Inngest dev server). */
  inngestFunction(client: Inngest.Any): InngestFunction.Any;
}

export function defineWorkflow<T extends EventType<string, StandardSchemaV1<Record<string, unknown>> | undefined>>(
  options: WorkflowOptions<T>,
  handler: WorkflowHandler<DataOf<T>>,
): Workflow<DataOf<T>> {
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new Error(`Workflow ${options.id}: retries must be a whole number from 0 to 20`);
  const { concurrency } = options;
  if (concurrency && (!Number.isInteger(concurrency.limit) || concurrency.limit < 1)) throw new Error(`Workflow ${options.id}: concurrency.limit must be a whole number ≥ 1`);
  const keyOf = concurrency?.key ? compileConcurrencyKey(concurrency.key) : () => "";

  const built = new WeakMap<Inngest.Any, InngestFunction.Any>();
  const inngestFunction = (client: Inngest.Any): InngestFunction.Any => {
    let fn = built.get(client);
    if (!fn) {
      fn = client.createFunction(
        {
          id: options.id,
          retries: retries as 3,
          triggers: [options.trigger],
          ...(concurrency && { concurrency: [{ limit: concurrency.limit, ...(concurrency.key && { key: concurrency.key }) }] }),
        },
        ({ event, step, runId, attempt }) =>
          handler({ event: event as WorkflowEvent<DataOf<T>>, step: inngestSteps(step as unknown as InngestStepTools), runId, attempt }),
      ) as unknown as InngestFunction.Any;
      built.set(client, fn);
    }
    return fn;
  };

  return {
    id: options.id,
    event: options.trigger.name,
    retries,
    ...(concurrency && { concurrency: { ...concurrency, keyOf } }),
    handler,
    get fn() {
      return inngestFunction(inngestClient());
    },
    inngestFunction,
  };
}

/** The part of Inngest's step tools the workflows use (their real signatures are wider). */
interface InngestStepTools {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sendEvent(id: string, events: unknown): Promise<unknown>;
  sleep(id: string, duration: Duration): Promise<void>;
  sleepUntil(id: string, time: Date | string): Promise<void>;
  waitForEvent(id: string, options: { event: string; timeout: Duration; if?: string }): Promise<unknown>;
}

/** Inngest's tools behind WorkflowStep, checking expressions against the subset both engines share. */
function inngestSteps(step: InngestStepTools): WorkflowStep {
  return {
    run: (id, fn) => step.run(id, fn),
    sendEvent: async (id, events) => {
      await step.sendEvent(id, events);
    },
    sleep: (id, duration) => step.sleep(id, duration),
    sleepUntil: (id, time) => step.sleepUntil(id, time),
    waitForEvent: (id, options) => {
      const expression = waitExpression(options);
      return step.waitForEvent(id, { event: eventName(options.event), timeout: options.timeout, ...(expression && { if: expression }) }) as never;
    },
  };
}

export function eventName(event: string | AnyEventType): string {
  return typeof event === "string" ? event : event.name;
}

/** The `if` expression of a wait (from `if` or `match`), validated against the shared subset. */
export function waitExpression(options: Pick<WaitForEventOptions<string | AnyEventType>, "if" | "match">): string | undefined {
  if (options.if && options.match) throw new Error("waitForEvent takes `if` or `match`, not both");
  const expression = options.match ? matchToIf(options.match) : options.if;
  if (expression) compileEventMatch(expression);
  return expression;
}
