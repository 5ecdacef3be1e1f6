// Several app instances on one database: two embedded runners in this process that share nothing but
// PostgreSQL, as two servers would.
import { eventType } from "inngest";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { useTestDatabase } from "@/test/database";
import { defineWorkflow, type Workflow } from "../workflow";
import { createEmbeddedRunner, type EmbeddedRunner } from "./embedded-runner";

useTestDatabase();

const job = eventType("lease/job", { schema: z.object({ n: z.number(), group: z.string().optional(), sleep: z.string().optional() }) });
const executions: string[] = [];
const gates = new Map<number, Promise<void>>();
const active = new Map<string, { now: number; max: number }>();

const workflows = [
  defineWorkflow({ id: "lease-job", trigger: job }, async ({ event, step, runId }) => {
    await step.run("one", async () => {
      executions.push(`${runId}:one`);
      await gates.get(event.data.n);
    });
    await step.run("two", () => executions.push(`${runId}:two`));
  }),
  defineWorkflow(
    { id: "lease-grouped", trigger: eventType("lease/grouped", { schema: job.schema }), concurrency: { key: "event.data.group", limit: 1 } },
    async ({ event, step }) => {
      if (event.data.sleep) await step.sleep("nap", event.data.sleep);
      return step.run("work", async () => {
        const a = active.get(event.data.group!) ?? { now: 0, max: 0 };
        active.set(event.data.group!, a);
        a.now += 1;
        a.max = Math.max(a.max, a.now);
        await new Promise((r) => setTimeout(r, 150));
        a.now -= 1;
        return Date.now();
      });
    },
  ),
] as Workflow<never>[];

const runners: EmbeddedRunner[] = [];
function instance(name: string, overrides: { leaseMs?: number; sweepMs?: number } = {}) {
  const runner = createEmbeddedRunner({ workflows, db, log: pino({ level: "silent" }), owner: name, retryDelayMs: 10, leaseMs: 600, sweepMs: 50, ...overrides });
  runners.push(runner);
  return runner;
}
/** Gates a failed test left closed, opened so its runners can stop. */
const releases: (() => void)[] = [];
afterEach(async () => {
  for (const r of releases.splice(0)) r();
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}
const allDone = (fn: string, count: number) => async () => (await db().workflowRun.count({ where: { functionId: fn, status: "COMPLETED" } })) === count;

describe("embedded runner across app instances", () => {
  it("executes every run exactly once when two instances dispatch and sweep the same journal", async () => {
    const a = instance("a");
    const b = instance("b");
    await Promise.all([a.recover(), b.recover()]);
    for (let n = 0; n < 20; n++) await (n % 2 ? a : b).dispatch({ name: "lease/job", data: { n } });
    await until(allDone("lease-job", 20));
    const ids = (await db().workflowRun.findMany({ where: { functionId: "lease-job" } })).map((r) => r.id);
    expect(executions.filter((e) => ids.some((id) => e.startsWith(id))).sort()).toEqual(ids.flatMap((id) => [`${id}:one`, `${id}:two`]).sort());
  });

  it("keeps a run with its owner while its heartbeat renews the lease, however long the step takes", async () => {
    let release!: () => void;
    gates.set(100, new Promise<void>((r) => (release = r)));
    releases.push(() => release());
    const a = instance("owner", { leaseMs: 1000 });
    const [runId] = await a.dispatch({ name: "lease/job", data: { n: 100 } });
    await until(async () => executions.includes(`${runId}:one`));
    // Another instance sweeping all along must leave it alone.
    await instance("sweeper", { leaseMs: 1000, sweepMs: 20 }).recover();
    await new Promise((r) => setTimeout(r, 3500)); // more than three lease periods
    const row = await db().workflowRun.findUniqueOrThrow({ where: { id: runId! } });
    expect({ leaseOwner: row.leaseOwner, attempt: row.attempt, status: row.status }).toEqual({ leaseOwner: "owner", attempt: 0, status: "RUNNING" });
    release();
    await until(async () => (await db().workflowRun.findUniqueOrThrow({ where: { id: runId! } })).status === "COMPLETED");
    expect(executions.filter((e) => e.startsWith(runId!))).toEqual([`${runId}:one`, `${runId}:two`]);
  });

  it("takes over a dead instance's run in the periodic sweep once its lease expires, not before", async () => {
    const b = instance("survivor", { sweepMs: 20 });
    await b.recover(); // started before the run existed: only the sweep can find it
    const runId = "33333333-3333-3333-3333-333333333333";
    await db().workflowRun.create({
      data: { id: runId, functionId: "lease-job", eventName: "lease/job", eventData: { n: 1 }, status: "RUNNING", steps: { one: { data: null } }, leaseOwner: "dead-host:1:abcdef", leaseExpiresAt: new Date(Date.now() + 2500) },
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await db().workflowRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ leaseOwner: "dead-host:1:abcdef", status: "RUNNING" });
    await until(async () => (await db().workflowRun.findUniqueOrThrow({ where: { id: runId } })).status === "COMPLETED");
    expect(await db().workflowRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ attempt: 1 });
    expect(executions.filter((e) => e.startsWith(runId))).toEqual([`${runId}:two`]);
  });

  it("stops an owner that lost its lease: it journals nothing more and runs no further step", async () => {
    let release!: () => void;
    gates.set(200, new Promise<void>((r) => (release = r)));
    releases.push(() => release());
    const a = instance("stalled", { leaseMs: 60_000 });
    const [runId] = await a.dispatch({ name: "lease/job", data: { n: 200 } });
    await until(async () => executions.includes(`${runId}:one`));
    // Another instance took the run over (as after a stall longer than the lease).
    await db().workflowRun.update({ where: { id: runId! }, data: { leaseOwner: "thief", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    release();
    await a.idle();
    const row = await db().workflowRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(row).toMatchObject({ leaseOwner: "thief", status: "RUNNING", steps: {} });
    expect(executions.filter((e) => e.startsWith(runId!))).toEqual([`${runId}:one`]);
  });

  it("honours a concurrency key limit of 1 across instances", async () => {
    const a = instance("a");
    const b = instance("b");
    await Promise.all([a.recover(), b.recover()]);
    for (let n = 0; n < 6; n++) await (n % 2 ? a : b).dispatch({ name: "lease/grouped", data: { n, group: n < 4 ? "same" : `own-${n}` } });
    await until(allDone("lease-grouped", 6));
    expect(active.get("same")?.max).toBe(1);
    const keys = (await db().workflowRun.findMany({ where: { functionId: "lease-grouped" }, orderBy: { startedAt: "asc" } })).map((r) => r.concurrencyKey);
    expect(keys).toEqual(["same", "same", "same", "same", "own-4", "own-5"]);
  });

  it("frees a concurrency slot while a run sleeps", async () => {
    const a = instance("a");
    await a.recover();
    const [sleeper] = await a.dispatch({ name: "lease/grouped", data: { n: 1, group: "nap", sleep: "1500ms" } });
    await until(async () => (await db().workflowRun.findUniqueOrThrow({ where: { id: sleeper! } })).status === "SLEEPING");
    const [worker] = await a.dispatch({ name: "lease/grouped", data: { n: 2, group: "nap" } });
    await until(async () => (await db().workflowRun.findUniqueOrThrow({ where: { id: worker! } })).status === "COMPLETED");
    expect((await db().workflowRun.findUniqueOrThrow({ where: { id: sleeper! } })).status).toBe("SLEEPING");
    await until(async () => (await db().workflowRun.findUniqueOrThrow({ where: { id: sleeper! } })).status === "COMPLETED");
  });
});
