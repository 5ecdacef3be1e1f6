// One way to write a workflow that both engines run: the handler takes `{ event, step }` and uses only
// step.run / step.sendEvent / step.sleep, so Inngest and the embedded runner call the very same code.
import type { EventType } from "inngest";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { inngest } from "./client";

export interface WorkflowEvent<TData> {
  name: string;
  data: TData;
  id?: string;
}

export interface WorkflowStep {
  /** Runs `fn` once per run (memoized, retried on failure). Results must be JSON values. */
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sendEvent(id: string, events: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<void>;
  sleep(id: string, durationMs: number): Promise<void>;
}

export interface WorkflowContext<TData> {
  event: WorkflowEvent<TData>;
  step: WorkflowStep;
  runId: string;
  attempt: number;
}

export type WorkflowHandler<TData> = (ctx: WorkflowContext<TData>) => Promise<unknown>;

export interface Workflow<TData = unknown> {
  id: string;
  event: string;
  retries: number;
  handler: WorkflowHandler<TData>;
  /** The Inngest function served at /api/inngest. */
  fn: ReturnType<typeof inngest.createFunction>;
}

type DataOf<T> = T extends EventType<string, infer S> ? (S extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<S> : unknown) : unknown;

export function defineWorkflow<T extends EventType<string, StandardSchemaV1<Record<string, unknown>> | undefined>>(
  options: { id: string; trigger: T; retries?: number },
  handler: WorkflowHandler<DataOf<T>>,
): Workflow<DataOf<T>> {
  const retries = options.retries ?? 3;
  const fn = inngest.createFunction(
    { id: options.id, retries: retries as 3, triggers: [options.trigger] },
    // Inngest's step tools satisfy WorkflowStep: run/sendEvent have the same shape; sleep accepts ms.
    ({ event, step, runId, attempt }) =>
      handler({ event: event as WorkflowEvent<DataOf<T>>, step: step as unknown as WorkflowStep, runId, attempt }),
  );
  return { id: options.id, event: options.trigger.name, retries, handler, fn };
}
