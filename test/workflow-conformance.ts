// The workflow semantics both engines must share, as one suite run once per engine
// (inngest/engines.embedded.test.ts, inngest/engines.inngest.test.ts). Each test uses its own key, so the
// tests of a file run concurrently on one engine (one Inngest dev server per file). Handlers run in the
// test process on both engines, so in-memory counters see every execution of a step body.
import { eventType, NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow, type Workflow } from "@/inngest/workflow";
import { startWorkflowEngine, type EngineName, type WorkflowEngineHarness } from "./workflow-engines";

const on = (name: string) => eventType(`conformance/${name}`, { schema: z.looseObject({ key: z.string() }) });

/** Executions of step bodies, per test key. */
const calls = new Map<string, string[]>();
const record = (key: string, what: string) => calls.set(key, [...(calls.get(key) ?? []), what]);
const callsOf = (key: string) => calls.get(key) ?? [];
const flaky = new Map<string, number>();
const running = new Map<string, { now: number; max: number }>();

export const conformanceWorkflows = [
  defineWorkflow({ id: "conf-memo", trigger: on("memo") }, async ({ event, step }) => {
    const a = await step.run("a", () => (record(event.data.key, "a"), { n: 1 }));
    const b = await step.run("b", () => (record(event.data.key, "b"), a.n + 1));
    return { a, b };
  }),
  defineWorkflow({ id: "conf-fanout", trigger: on("fanout") }, async ({ event, step }) => {
    await step.sendEvent("fan", [1, 2].map((n) => ({ name: "conformance/fanned", data: { key: event.data.key, n } })));
    return "sent";
  }),
  ...["a", "b"].map((side) =>
    defineWorkflow({ id: `conf-fanned-${side}`, trigger: on("fanned") }, async ({ event, step }) =>
      step.run("note", () => (record(event.data.key, `${side}${String(event.data.n)}`), side)),
    ),
  ),
  defineWorkflow({ id: "conf-sleep", trigger: on("sleep") }, async ({ event, step }) => {
    const before = await step.run("before", () => (record(event.data.key, "before"), Date.now()));
    await step.sleep("nap", "1s");
    const after = await step.run("after", () => (record(event.data.key, "after"), Date.now()));
    return after - before;
  }),
  defineWorkflow({ id: "conf-wait", trigger: on("wait") }, async ({ event, step }) => {
    await step.run("asked", () => record(event.data.key, "asked"));
    const approval = await step.waitForEvent("approval", {
      event: "conformance/approved",
      timeout: String(event.data.timeout),
      if: "event.data.key == async.data.key",
    });
    return approval ? approval.data.by : null;
  }),
  defineWorkflow({ id: "conf-loop", trigger: on("loop") }, async ({ event, step }) => {
    const results: number[] = [];
    for (let i = 0; i < 3; i++) results.push(await step.run("item", () => (record(event.data.key, `item${i}`), i * 10)));
    return results;
  }),
  defineWorkflow(
    { id: "conf-concurrency", trigger: on("concurrency"), concurrency: { key: 'event.data.key + ":" + event.data.group', limit: 1 } },
    async ({ event, step }) =>
      step.run("work", async () => {
        const slot = `${event.data.key}:${String(event.data.group)}`;
        const r = running.get(slot) ?? { now: 0, max: 0 };
        r.now += 1;
        r.max = Math.max(r.max, r.now);
        running.set(slot, r);
        await new Promise((res) => setTimeout(res, 400));
        r.now -= 1;
        return r.max;
      }),
  ),
  defineWorkflow({ id: "conf-retry", trigger: on("retry"), retries: 2 }, async ({ event, step }) =>
    step.run("flaky", () => {
      const n = (flaky.get(event.data.key) ?? 0) + 1;
      flaky.set(event.data.key, n);
      record(event.data.key, `try${n}`);
      if (n < 3) throw new Error(`transient ${n}`);
      return n;
    }),
  ),
  defineWorkflow({ id: "conf-exhaust", trigger: on("exhaust"), retries: 1 }, async ({ event, step }) =>
    step.run("doomed", () => {
      record(event.data.key, "try");
      throw new Error("still broken");
    }),
  ),
  defineWorkflow({ id: "conf-nonretriable", trigger: on("nonretriable"), retries: 3 }, async ({ event, step }) =>
    step.run("refuse", () => {
      record(event.data.key, "try");
      throw new NonRetriableError("bad input, retrying cannot help");
    }),
  ),
  defineWorkflow({ id: "conf-catch", trigger: on("catch"), retries: 0 }, async ({ event, step }) => {
    try {
      await step.run("doomed", () => {
        record(event.data.key, "try");
        throw new Error("gave up");
      });
    } catch (err) {
      return `recovered: ${(err as Error).message}`;
    }
  }),
] as Workflow<never>[];

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

/** Registers the suite for one engine. Call useTestDatabase() first for the embedded engine. */
export function workflowConformanceSuite(engine: EngineName): { harness: () => WorkflowEngineHarness } {
  let harness: WorkflowEngineHarness;
  beforeAll(async () => {
    harness = await startWorkflowEngine(engine, { workflows: conformanceWorkflows });
  }, 180_000);
  afterAll(() => harness?.stop());
  const byKey = (key: string) => (r: { event: { data: Record<string, unknown> } }) => r.event.data.key === key;

  describe.concurrent(`workflow semantics on the ${engine} engine`, () => {
    it("memoizes step.run: each body runs once while the handler replays, results are JSON", async () => {
      const key = unique("memo");
      await harness.send({ name: "conformance/memo", data: { key } });
      const run = await harness.waitForRun("conf-memo", byKey(key));
      expect(run).toMatchObject({ status: "COMPLETED", output: { a: { n: 1 }, b: 2 } });
      expect(callsOf(key)).toEqual(["a", "b"]);
    });

    it("fans out step.sendEvent to every workflow triggered by the events, once", async () => {
      const key = unique("fan");
      await harness.send({ name: "conformance/fanout", data: { key } });
      await harness.waitForRun("conf-fanout", byKey(key));
      for (const fn of ["conf-fanned-a", "conf-fanned-b"]) {
        for (const n of [1, 2]) await harness.waitForRun(fn, (r) => byKey(key)(r) && r.event.data.n === n);
      }
      expect(callsOf(key).sort()).toEqual(["a1", "a2", "b1", "b2"]);
    });

    it("sleeps durably between steps without repeating the step before the sleep", async () => {
      const key = unique("sleep");
      await harness.send({ name: "conformance/sleep", data: { key } });
      const run = await harness.waitForRun("conf-sleep", byKey(key));
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toBeGreaterThanOrEqual(1000);
      expect(callsOf(key)).toEqual(["before", "after"]);
    });

    it("waitForEvent returns the first event matching its `if` expression, ignoring others", async () => {
      const key = unique("wait");
      await harness.send({ name: "conformance/wait", data: { key, timeout: "60s" } });
      // A wait only sees events sent after it began; resend until the run finishes.
      let run;
      for (let i = 0; i < 60 && !run; i++) {
        await harness.send({ name: "conformance/approved", data: { key: `${key}-other`, by: "mallory" } });
        if (callsOf(key).includes("asked")) await harness.send({ name: "conformance/approved", data: { key, by: "alice" } });
        run = await harness.waitForRun("conf-wait", byKey(key), { timeoutMs: 500 }).catch(() => undefined);
      }
      expect(run).toMatchObject({ status: "COMPLETED", output: "alice" });
      expect(callsOf(key)).toEqual(["asked"]);
    });

    it("waitForEvent returns null once its timeout passes", async () => {
      const key = unique("timeout");
      await harness.send({ name: "conformance/wait", data: { key, timeout: "1s" } });
      const run = await harness.waitForRun("conf-wait", byKey(key));
      expect(run).toMatchObject({ status: "COMPLETED", output: null });
    });

    it("numbers a repeated step id so every iteration of a loop is its own memoized step", async () => {
      const key = unique("loop");
      await harness.send({ name: "conformance/loop", data: { key } });
      const run = await harness.waitForRun("conf-loop", byKey(key));
      expect(run).toMatchObject({ status: "COMPLETED", output: [0, 10, 20] });
      expect(callsOf(key)).toEqual(["item0", "item1", "item2"]);
    });

    it("runs one run at a time per concurrency key (limit 1)", async () => {
      const key = unique("conc");
      await harness.send([1, 2, 3].map((n) => ({ name: "conformance/concurrency", data: { key, group: "g", n } })));
      await harness.send({ name: "conformance/concurrency", data: { key, group: "h", n: 4 } });
      for (const n of [1, 2, 3, 4]) await harness.waitForRun("conf-concurrency", (r) => byKey(key)(r) && r.event.data.n === n);
      expect(running.get(`${key}:g`)?.max).toBe(1);
      const runs = (await harness.runs("conf-concurrency")).filter(byKey(key));
      expect(runs.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
    });

    it("retries a failing step up to `retries` times", async () => {
      const key = unique("retry");
      await harness.send({ name: "conformance/retry", data: { key } });
      const run = await harness.waitForRun("conf-retry", byKey(key));
      expect(run).toMatchObject({ status: "COMPLETED", output: 3 });
      expect(callsOf(key)).toEqual(["try1", "try2", "try3"]);
    });

    it("fails the run once a step has used its retries, without retrying the function", async () => {
      const key = unique("exhaust");
      await harness.send({ name: "conformance/exhaust", data: { key } });
      const run = await harness.waitForRun("conf-exhaust", byKey(key));
      expect(run.status).toBe("FAILED");
      expect(run.error).toContain("still broken");
      expect(callsOf(key)).toEqual(["try", "try"]);
    });

    it("does not retry a NonRetriableError", async () => {
      const key = unique("nonretriable");
      await harness.send({ name: "conformance/nonretriable", data: { key } });
      const run = await harness.waitForRun("conf-nonretriable", byKey(key));
      expect(run.status).toBe("FAILED");
      expect(run.error).toContain("retrying cannot help");
      expect(callsOf(key)).toEqual(["try"]);
    });

    it("throws a step's final error into the handler, which can catch it", async () => {
      const key = unique("catch");
      await harness.send({ name: "conformance/catch", data: { key } });
      const run = await harness.waitForRun("conf-catch", byKey(key));
      expect(run).toMatchObject({ status: "COMPLETED", output: "recovered: gave up" });
      expect(callsOf(key)).toEqual(["try"]);
    });
  });

  return { harness: () => harness };
}
