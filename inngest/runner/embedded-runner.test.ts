import { InngestTestEngine } from "@inngest/test";
import { eventType } from "inngest";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/test/database";
import { db } from "@/server/db/client";
import { defineWorkflow } from "../workflow";
import { createEmbeddedRunner } from "./embedded-runner";

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
});
