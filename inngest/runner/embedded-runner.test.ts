import { InngestTestEngine } from "@inngest/test";
import { eventType } from "inngest";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/test/database";
import { db } from "@/server/db/client";
import { defineWorkflow } from "../workflow";
import { createEmbeddedRunner, type EmbeddedRunner } from "./embedded-runner";

const orderPlaced = eventType("test/order.placed", { schema: z.object({ orderId: z.string() }) });
const orderShipped = eventType("test/order.shipped", { schema: z.object({ orderId: z.string() }) });

function fixture() {
  const calls: string[] = [];
  let flaky = 0;
  const place = defineWorkflow({ id: "place-order", trigger: orderPlaced, retries: 2 }, async ({ event, step }) => {
    const reserved = await step.run("reserve", () => {
      calls.push(`reserve:${event.data.orderId}`);
      return { stock: 1 };
    });
    const charged = await step.run("charge", () => {
      flaky += 1;
      if (flaky < 3) throw new Error(`card network down (${flaky})`);
      calls.push(`charge:${event.data.orderId}`);
      return "ok";
    });
    await step.sendEvent("ship", { name: "test/order.shipped", data: { orderId: event.data.orderId } });
    return { reserved, charged };
  });
  const ship = defineWorkflow({ id: "ship-order", trigger: orderShipped }, async ({ event, step }) =>
    step.run("label", () => calls.push(`ship:${event.data.orderId}`)),
  );
  const runner = createEmbeddedRunner({ workflows: [place, ship] as never, db, log: pino({ level: "silent" }), retryDelayMs: 1 });
  return { runner, calls, place };
}

describe("embedded workflow runner", () => {
  useTestDatabase();

  it("runs the handler, retries a failing step, journals results and dispatches sent events", async () => {
    const { runner, calls } = fixture();
    const [runId] = await runner.dispatch({ name: "test/order.placed", data: { orderId: "o1" } });
    await runner.idle();
    expect(calls).toEqual(["reserve:o1", "charge:o1", "ship:o1"]);
    const run = await db().workflowRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(run.status).toBe("COMPLETED");
    expect(run.steps).toMatchObject({ reserve: { data: { stock: 1 } }, charge: { data: "ok" } });
    const shipped = await db().workflowRun.findFirstOrThrow({ where: { functionId: "ship-order" } });
    expect(shipped.status).toBe("COMPLETED");
  });

  it("starts one run per function for an event id, however often it is sent", async () => {
    const { runner, calls } = fixture();
    const event = { name: "test/order.shipped", data: { orderId: "o2" }, id: "delivery-42" };
    const started = await Promise.all([runner.dispatch(event), runner.dispatch(event), runner.dispatch(event)]);
    await runner.idle();
    expect(started.flat()).toHaveLength(1);
    expect(calls).toEqual(["ship:o2"]);
  });

  it("marks a run FAILED with the error once retries are exhausted", async () => {
    const boom = defineWorkflow({ id: "always-fails", trigger: orderShipped, retries: 1 }, async ({ step }) =>
      step.run("explode", () => {
        throw new Error("disk on fire");
      }),
    );
    const runner = createEmbeddedRunner({ workflows: [boom] as never, db, log: pino({ level: "silent" }), retryDelayMs: 1 });
    const [runId] = await runner.dispatch({ name: "test/order.shipped", data: { orderId: "o3" } });
    await runner.idle();
    const run = await db().workflowRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(run).toMatchObject({ status: "FAILED", error: "disk on fire" });
  });

  it("resumes a run a restart interrupted, without repeating finished steps", async () => {
    const { runner, calls } = fixture();
    await db().workflowRun.create({
      data: {
        id: "11111111-1111-1111-1111-111111111111",
        functionId: "place-order",
        eventName: "test/order.placed",
        eventData: { orderId: "o4" },
        status: "RUNNING",
        steps: { reserve: { data: { stock: 1 } } },
      },
    });
    expect(await runner.recover()).toEqual(["11111111-1111-1111-1111-111111111111"]);
    await runner.idle();
    expect(calls).toEqual(["charge:o4", "ship:o4"]);
    const run = await db().workflowRun.findUniqueOrThrow({ where: { id: "11111111-1111-1111-1111-111111111111" } });
    expect(run).toMatchObject({ status: "COMPLETED", attempt: 1 });
  });

  it("marks an interrupted run of a workflow that no longer exists instead of dropping it", async () => {
    const { runner } = fixture();
    await db().workflowRun.create({
      data: { id: "22222222-2222-2222-2222-222222222222", functionId: "retired", eventName: "x", eventData: {}, status: "RUNNING" },
    });
    expect(await runner.recover()).toEqual([]);
    const run = await db().workflowRun.findUniqueOrThrow({ where: { id: "22222222-2222-2222-2222-222222222222" } });
    expect(run.status).toBe("INTERRUPTED");
  });

  it("is the same handler Inngest runs (@inngest/test)", async () => {
    const { place, calls } = fixture();
    const t = new InngestTestEngine({ function: place.fn });
    const { result, error } = await t.execute({
      events: [{ name: "test/order.placed", data: { orderId: "o5" } }],
      steps: [{ id: "charge", handler: () => "ok" }, { id: "ship", handler: () => undefined }],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ reserved: { stock: 1 }, charged: "ok" });
    expect(calls).toEqual(["reserve:o5"]);
  });

  describe("durable waits across a restart (one runner stops, a new one starts on the same journal)", () => {
    const asked = eventType("test/asked", { schema: z.object({ orderId: z.string(), timeout: z.string() }) });
    const answered = eventType("test/answered", { schema: z.object({ orderId: z.string(), answer: z.string() }) });
    const seen: string[] = [];
    const waits = [
      defineWorkflow({ id: "ask", trigger: asked }, async ({ event, step }) => {
        await step.run("before", () => seen.push(`before:${event.data.orderId}`));
        const reply = await step.waitForEvent("reply", { event: answered, timeout: event.data.timeout, match: "data.orderId" });
        return reply?.data.answer ?? null;
      }),
      defineWorkflow({ id: "loop", trigger: orderShipped }, async ({ event, step }) => {
        const out: string[] = [];
        for (const part of ["a", "b", "c"]) out.push(await step.run("part", () => (seen.push(`part:${event.data.orderId}:${part}`), part)));
        await step.sleepUntil("until", new Date(Date.now() - 1000));
        return out;
      }),
    ] as never;
    const started: EmbeddedRunner[] = [];
    const boot = async () => {
      const r = createEmbeddedRunner({ workflows: waits, db, log: pino({ level: "silent" }), retryDelayMs: 1, sweepMs: 50 });
      started.push(r);
      await r.recover();
      return r;
    };
    const status = async (id: string) => (await db().workflowRun.findUniqueOrThrow({ where: { id } })).status;
    const until = async (id: string, want: string) => {
      for (let i = 0; i < 300 && (await status(id)) !== want; i++) await new Promise((r) => setTimeout(r, 25));
      return db().workflowRun.findUniqueOrThrow({ where: { id } });
    };
    afterEach(async () => {
      await Promise.all(started.splice(0).map((r) => r.stop()));
    });

    it("times a wait out after a restart and returns null", async () => {
      const first = await boot();
      const [runId] = await first.dispatch({ name: "test/asked", data: { orderId: "w1", timeout: "1s" } });
      await until(runId!, "WAITING");
      await first.stop();
      await boot();
      expect(await until(runId!, "COMPLETED")).toMatchObject({ output: null, steps: { reply: { data: null } } });
      expect(seen.filter((s) => s.endsWith("w1"))).toEqual(["before:w1"]);
    });

    it("matches an event sent after a restart, only if it satisfies the wait's expression", async () => {
      const first = await boot();
      // Sent before the wait exists: Inngest ignores it, so does the embedded runner.
      await first.dispatch({ name: "test/answered", data: { orderId: "w2", answer: "too early" } });
      const [runId] = await first.dispatch({ name: "test/asked", data: { orderId: "w2", timeout: "1m" } });
      await until(runId!, "WAITING");
      await first.stop();
      const second = await boot();
      await second.dispatch({ name: "test/answered", data: { orderId: "someone-else", answer: "no" } });
      expect(await status(runId!)).toBe("WAITING");
      await second.dispatch({ name: "test/answered", data: { orderId: "w2", answer: "yes" } });
      const done = await until(runId!, "COMPLETED");
      expect(done.output).toBe("yes");
      expect((done.steps as Record<string, { data: { name: string; data: unknown } }>).reply!.data).toMatchObject({ name: "test/answered", data: { orderId: "w2", answer: "yes" } });
    });

    it("resumes a loop of repeated step ids at the first unjournaled iteration", async () => {
      const runId = "44444444-4444-4444-4444-444444444444";
      await db().workflowRun.create({
        data: { id: runId, functionId: "loop", eventName: "test/order.shipped", eventData: { orderId: "l1" }, status: "RUNNING", steps: { part: { data: "a" }, "part:1": { data: "b" } } },
      });
      await boot();
      const done = await until(runId, "COMPLETED");
      expect(done.output).toEqual(["a", "b", "c"]);
      expect(Object.keys(done.steps as object).sort()).toEqual(["part", "part:1", "part:2", "until"]);
      expect(seen.filter((s) => s.includes(":l1:"))).toEqual(["part:l1:c"]);
    });
  });
});
