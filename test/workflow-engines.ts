// The two workflow engines behind one test interface, so the same test runs on both:
//
//   const engine = await startWorkflowEngine("inngest" | "embedded", { workflows });   // once per file (beforeAll)
//   await engine.send({ name: "infraflow/…", data: {…} });
//   const run = await engine.waitForRun("record-fix-outcome", (r) => r.event.data.healingSessionId === id);
//   expect(run).toMatchObject({ status: "COMPLETED", output: {…} });
//   await engine.stop();                                                                // afterAll
//
// "embedded": an embedded runner on the test's database (useTestDatabase() first). "inngest": the real
// Inngest dev server (test/inngest-dev-server.ts) executing the workflows served by the SDK's real `serve()`
// handler over node:http; the app's own Inngest client is pointed at that server too (INNGEST_DEV), so app
// code that calls sendEvents() reaches it. Without `workflows`, both serve the app's workflows
// (inngest/functions) and the embedded engine is the app's own process runner, exactly what sendEvents uses.
import { createServer } from "node:http";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import pino from "pino";
import { inngestClient } from "@/inngest/client";
import { embeddedRunner } from "@/inngest/runner";
import { createEmbeddedRunner, type EmbeddedRunner, type EmbeddedRunnerOptions } from "@/inngest/runner/embedded-runner";
import type { Workflow, WorkflowEvent } from "@/inngest/workflow";
import { db } from "@/server/db/client";
import { resetEnvForTests } from "@/server/env";
import { freePort } from "./global-setup";
import { startInngestDevServer, type InngestDevServer } from "./inngest-dev-server";

export type EngineName = "embedded" | "inngest";

export interface RunRecord {
  id: string;
  functionId: string;
  status: "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  /** The handler's return value (COMPLETED). */
  output: unknown;
  /** The error message (FAILED). */
  error?: string;
  event: { name: string; data: Record<string, unknown> };
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only runs that have finished (COMPLETED, FAILED, CANCELLED) match. Default true. */
  finished?: boolean;
}

export interface WorkflowEngineHarness {
  engine: EngineName;
  send(events: WorkflowEvent<unknown> | WorkflowEvent<unknown>[]): Promise<void>;
  /** Every run of a workflow started since the harness started, oldest first. */
  runs(functionId: string): Promise<RunRecord[]>;
  /** The first run of `functionId` matching `predicate` (and finished, unless told otherwise). */
  waitForRun(functionId: string, predicate?: (run: RunRecord) => boolean, options?: WaitOptions): Promise<RunRecord>;
  stop(): Promise<void>;
}

export interface EngineOptions {
  /** Default: the app's workflows. */
  workflows?: Workflow<never>[];
  /** Embedded engine only: runner settings (short retry delays by default). */
  runner?: Partial<EmbeddedRunnerOptions>;
}

export function startWorkflowEngine(engine: EngineName, options: EngineOptions = {}): Promise<WorkflowEngineHarness> {
  return engine === "inngest" ? startInngestEngine(options) : startEmbeddedEngine(options);
}

const finishedStatuses = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

async function poll(what: string, find: () => Promise<RunRecord | undefined>, options: WaitOptions, seen: () => Promise<RunRecord[]>): Promise<RunRecord> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const run = await find();
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`No ${what} run matched within ${options.timeoutMs ?? 30_000} ms; runs: ${JSON.stringify(await seen())}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function matcher(predicate: ((run: RunRecord) => boolean) | undefined, options: WaitOptions) {
  return (r: RunRecord) => (options.finished === false || finishedStatuses.has(r.status)) && (!predicate || predicate(r));
}

export async function startEmbeddedEngine(options: EngineOptions = {}): Promise<WorkflowEngineHarness> {
  const since = new Date(Date.now() - 1000);
  let runner: EmbeddedRunner;
  let own = false;
  if (options.workflows) {
    runner = createEmbeddedRunner({ workflows: options.workflows, db, log: pino({ level: "silent" }), retryDelayMs: 50, sweepMs: 200, ...options.runner });
    own = true;
  } else {
    runner = embeddedRunner();
  }
  await runner.recover();

  const runs = async (functionId: string): Promise<RunRecord[]> => {
    const rows = await db().workflowRun.findMany({ where: { functionId, startedAt: { gte: since } }, orderBy: { startedAt: "asc" } });
    return rows.map((r) => ({
      id: r.id,
      functionId: r.functionId,
      status: r.status === "COMPLETED" ? "COMPLETED" : r.status === "FAILED" || r.status === "INTERRUPTED" ? "FAILED" : "RUNNING",
      output: r.output,
      ...(r.error && { error: r.error }),
      event: { name: r.eventName, data: r.eventData as Record<string, unknown> },
    }));
  };

  return {
    engine: "embedded",
    async send(events) {
      await runner.dispatch(events);
    },
    runs,
    waitForRun: (functionId, predicate, opts = {}) => {
      const match = matcher(predicate, opts);
      return poll(functionId, async () => (await runs(functionId)).find(match), opts, () => runs(functionId));
    },
    async stop() {
      if (own) await runner.stop();
      else await runner.idle();
    },
  };
}

export async function startInngestEngine(options: EngineOptions = {}): Promise<WorkflowEngineHarness> {
  const dev: InngestDevServer = await startInngestDevServer();
  const since = new Date(Date.now() - 1000).toISOString();
  const previousDev = process.env.INNGEST_DEV;
  process.env.INNGEST_DEV = dev.url;
  resetEnvForTests();
  const client: Inngest = inngestClient();
  const workflows = options.workflows ?? (await import("@/inngest/functions")).workflows;

  const server = createServer(serve({ client, functions: workflows.map((w) => w.inngestFunction(client)) }));
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await dev.stop();
    if (previousDev === undefined) delete process.env.INNGEST_DEV;
    else process.env.INNGEST_DEV = previousDev;
    resetEnvForTests();
  };

  const fnUuids = new Map<string, string>();
  try {
    // PUT is how an app registers its functions with the server it is configured for (client baseUrl).
    const reg = await fetch(`http://127.0.0.1:${port}/api/inngest`, { method: "PUT" });
    if (!reg.ok) throw new Error(`registering with the Inngest dev server answered ${reg.status}: ${await reg.text()}`);
    const { functions } = await dev.gql<{ functions: { id: string; slug: string }[] }>(`{ functions { id slug } }`);
    for (const f of functions) fnUuids.set(f.slug, f.id);
    const missing = workflows.filter((w) => !fnUuids.has(`${client.id}-${w.id}`));
    if (missing.length) throw new Error(`the Inngest dev server did not register ${missing.map((w) => w.id).join(", ")}`);
  } catch (err) {
    await stop();
    throw err;
  }

  const triggers = new Map<string, RunRecord["event"]>();
  const finished = new Map<string, RunRecord>();
  const runs = async (functionId: string): Promise<RunRecord[]> => {
    const uuid = fnUuids.get(`${client.id}-${functionId}`);
    if (!uuid) throw new Error(`Unknown workflow ${functionId}`);
    const { runs: list } = await dev.gql<{ runs: { edges: { node: { id: string; status: string } }[] } }>(
      `query ($from: Time!, $fn: UUID!) { runs(first: 200, orderBy: [{ field: QUEUED_AT, direction: ASC }], filter: { from: $from, functionIDs: [$fn] }) { edges { node { id status } } } }`,
      { from: since, fn: uuid },
    );
    const records = await Promise.all(
      list.edges.map(async ({ node }): Promise<RunRecord | undefined> => {
        if (finished.has(node.id)) return finished.get(node.id);
        if (!triggers.has(node.id)) {
          // A run just queued has no trigger record yet; it is reported on a later poll.
          const trigger = await dev
            .gql<{ runTrigger: { payloads: string[] } }>(`query ($id: String!) { runTrigger(runID: $id) { payloads } }`, { id: node.id })
            .catch(() => undefined);
          if (!trigger) return undefined;
          const event = JSON.parse(trigger.runTrigger.payloads[0]!) as { name: string; data: Record<string, unknown> };
          triggers.set(node.id, { name: event.name, data: event.data });
        }
        const status = (["COMPLETED", "FAILED", "CANCELLED"].includes(node.status) ? node.status : "RUNNING") as RunRecord["status"];
        const record: RunRecord = { id: node.id, functionId, status, output: null, event: triggers.get(node.id)! };
        if (status === "RUNNING") return record;
        // The run's output is the SDK's last response: the return value (RunComplete) or a serialized error.
        const { run } = await dev.gql<{ run: { output: string | null } }>(`query ($id: String!) { run(runID: $id) { output } }`, { id: node.id });
        // The status can be final a moment before the output is stored: report the run on a later poll.
        if (!run.output) return undefined;
        const raw = JSON.parse(run.output) as unknown;
        if (Array.isArray(raw)) record.output = (raw as { op: string; data?: unknown }[]).find((op) => op.op === "RunComplete")?.data ?? null;
        else if (raw && typeof raw === "object" && "message" in raw) record.error = String((raw as { message: unknown }).message);
        else record.output = raw;
        finished.set(node.id, record);
        return record;
      }),
    );
    return records.filter((r): r is RunRecord => r !== undefined);
  };

  return {
    engine: "inngest",
    async send(events) {
      const list = Array.isArray(events) ? events : [events];
      await client.send(list.map((e) => ({ name: e.name, data: e.data as Record<string, unknown>, ...(e.id && { id: e.id }) })));
    },
    runs,
    waitForRun: (functionId, predicate, opts = {}) => {
      const match = matcher(predicate, opts);
      return poll(functionId, async () => (await runs(functionId)).find(match), opts, () => runs(functionId));
    },
    stop,
  };
}
