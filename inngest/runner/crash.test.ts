// Real crashes: an app-like child process running the embedded runner is SIGKILLed mid-run, and a fresh
// instance — a runner started in this test process, which never saw the run — resumes it from the journal
// in PostgreSQL (test/crash-harness.ts).
import pino from "pino";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { useTestDatabase } from "@/test/database";
import { startWorkflowProcess, waitForJournal, waitForWorkflowRun, type WorkflowProcess, type WorkflowProcessOptions } from "@/test/crash-harness";
import { workflows } from "@/test/fixtures/crash-workflows";
import { createEmbeddedRunner, type EmbeddedRunner } from "./embedded-runner";

const database = useTestDatabase();
const module = "test/fixtures/crash-workflows.ts";
const children: WorkflowProcess[] = [];
const runners: EmbeddedRunner[] = [];

/** A fresh app instance in this process: it starts as the app boots (recover, then the periodic sweep). */
async function freshInstance(sweepMs = 100) {
  const runner = createEmbeddedRunner({ workflows, db, log: pino({ level: "silent" }), leaseMs: 1000, sweepMs, retryDelayMs: 50 });
  runners.push(runner);
  await runner.recover();
  return runner;
}

async function app(options: Omit<WorkflowProcessOptions, "databaseUrl" | "module"> = {}) {
  const child = await startWorkflowProcess({ databaseUrl: database.url(), module, ...options });
  children.push(child);
  return child;
}

async function effects(runId: string): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ effect: string }[]>(`SELECT effect FROM crash_effects WHERE run_id = $1 ORDER BY id`, runId);
  return rows.map((r) => r.effect);
}

async function onlyRun(functionId: string): Promise<string> {
  const runs = await db().workflowRun.findMany({ where: { functionId }, orderBy: { startedAt: "desc" }, take: 1 });
  return runs[0]!.id;
}

beforeAll(async () => {
  await db().$executeRawUnsafe(`CREATE TABLE crash_effects (id serial PRIMARY KEY, run_id text NOT NULL, effect text NOT NULL, once_key text UNIQUE, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

describe("crashes of the embedded runner's process", () => {
  it("resumes after a kill between two steps: every step's effect happens exactly once", async () => {
    const first = await app({ send: [{ name: "crash/started", data: {} }], crash: { at: "after-journal", stepId: "idempotent" } });
    expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
    const runId = first.started[0] ?? (await onlyRun("crash-steps"));
    expect(Object.keys((await db().workflowRun.findUniqueOrThrow({ where: { id: runId } })).steps as object)).toEqual(["first", "idempotent"]);

    await freshInstance();
    const run = await waitForWorkflowRun(runId, "COMPLETED");
    expect(run).toMatchObject({ output: "done", attempt: 1 });
    expect(await effects(runId)).toEqual(["first", "idempotent", "hold-start", "last"]);
  });

  it("redoes a step killed before its result was journaled; written idempotently, its effect stays single", async () => {
    const first = await app({ send: [{ name: "crash/started", data: {} }], crash: { at: "before-journal", stepId: "idempotent" } });
    expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
    const runId = first.started[0] ?? (await onlyRun("crash-steps"));
    await freshInstance();
    await waitForWorkflowRun(runId, "COMPLETED");
    expect(await effects(runId)).toEqual(["first", "idempotent", "hold-start", "last"]);
  });

  it("resumes a sleep after a kill at its journaled wake-up time instead of sleeping again", async () => {
    const first = await app({ send: [{ name: "crash/started", data: { sleep: "4s" } }] });
    const runId = first.started[0]!;
    const { wakeAt } = await waitForWorkflowRun(runId, "SLEEPING");
    await first.kill();

    await freshInstance();
    // The fresh instance finds the sleep journaled and keeps its wake-up time.
    await new Promise((r) => setTimeout(r, 300));
    expect(await db().workflowRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "SLEEPING", wakeAt });
    await waitForWorkflowRun(runId, "COMPLETED");
    const [last] = await db().$queryRawUnsafe<{ at: Date }[]>(`SELECT at FROM crash_effects WHERE run_id = $1 AND effect = 'last'`, runId);
    // Woken at the journaled time, not a full sleep after the restart.
    expect(last!.at.getTime()).toBeGreaterThanOrEqual(wakeAt!.getTime());
    expect(last!.at.getTime()).toBeLessThan(wakeAt!.getTime() + 4000);
    expect(await effects(runId)).toEqual(["first", "idempotent", "hold-start", "last"]);
  });

  it("keeps a wait across a kill: an event sent to a fresh process resumes it", async () => {
    const first = await app({ send: [{ name: "crash/asked", data: { key: "k1" } }] });
    const runId = first.started[0]!;
    await waitForWorkflowRun(runId, "WAITING");
    await first.kill();

    const fresh = await freshInstance();
    await fresh.dispatch([
      { name: "crash/approved", data: { key: "other", by: "mallory" } },
      { name: "crash/approved", data: { key: "k1", by: "alice" } },
    ]);
    const done = await waitForWorkflowRun(runId, "COMPLETED");
    expect(done.output).toBe("alice");
    expect(await effects(runId)).toEqual(["asked", "answered:alice"]);
  });

  it("another instance takes a killed owner's run over once its lease expires, never while the owner lives", async () => {
    const owner = await app({ send: [{ name: "crash/started", data: { holdMs: 60_000 } }], leaseMs: 1000 });
    const runId = owner.started[0]!;
    await waitForJournal("crash-steps", "idempotent");
    await freshInstance(100);
    // Three lease periods with the owner alive (heartbeat) and the other instance sweeping: no takeover.
    await new Promise((r) => setTimeout(r, 3000));
    const held = await db().workflowRun.findUniqueOrThrow({ where: { id: runId } });
    expect(held).toMatchObject({ status: "RUNNING", attempt: 0 });
    expect(held.leaseOwner).toContain(`:${owner.pid}:`);

    await owner.kill();
    const done = await waitForWorkflowRun(runId, "COMPLETED");
    expect(done.attempt).toBe(1);
    // The step the owner died in is redone (at least once), everything journaled before it is not.
    expect(await effects(runId)).toEqual(["first", "idempotent", "hold-start", "hold-start", "last"]);
  });
});
