// push → scan → findings on real engines: the GitHub simulator pushes its secret-and-sql scenario and
// delivers the signed push webhook to the real route, the embedded runner runs scan-push, which reads
// the changed files back through the GitHub API and stores findings in PostgreSQL; tRPC reads them.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/tools/github-sim/test-support/sim-fixture";
import { useTestDatabase } from "@/test/database";
import { startDemoWorld, type DemoWorld } from "@/test/demo-world";
import { upsertUser } from "@/server/auth/upsert-user";
import { db } from "@/server/db/client";
import { githubClient } from "@/server/github/octokit";
import type { LiveMessage } from "@/server/realtime/messages";
import { sseHub } from "@/server/realtime/live";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { createTrpcContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/router";
import { embeddedRunner } from "../runner";
import type { WorkflowStep } from "../workflow";
import { scanPushWorkflow } from "./scan-push";

const SECRET = "sim-webhook-secret";
const REPO = "infraflow-demo/user-service";

// Runs a handler again outside any engine: every step executes, as a retry that lost its journal would.
const directStep: WorkflowStep = { run: async (_id, fn) => fn(), sendEvent: async () => {}, sleep: async () => {}, sleepUntil: async () => {}, waitForEvent: async () => null };

describe("push → scan-push → findings (GitHub simulator, embedded runner, PostgreSQL)", () => {
  let world: DemoWorld;
  beforeAll(async () => {
    world = await startDemoWorld({ env: () => ({ WEBHOOK_SECRET: SECRET, OSV_ENABLED: "false" }) });
  });
  useTestDatabase();
  afterAll(async () => world?.stop());

  it("scans the pushed commit of a monitored repository once, masks the secrets, and serves the findings", async () => {
    const { sim, app, token } = world;
    // Signed in with GitHub (its token decides which repositories the reads may show: server/access).
    const user = await upsertUser(db(), { githubId: 5151n, login: "demo-dev", name: null, avatarUrl: null, email: null }, { accessToken: token });
    await monitorRepo({ db: db(), github: githubClient(token, sim.url), log: pino({ level: "silent" }), userId: user.id, repoFullName: REPO, appUrl: app.url });
    const live: LiveMessage[] = [];
    const unsubscribe = sseHub().subscribe((channel, m) => channel === "security-events" && live.push(m));

    const pushed = await sim.breakRepository({ scenario: "secret-and-sql" });
    const scan = await eventually(async () => {
      await sim.idle();
      await embeddedRunner().idle();
      return db().securityScan.findFirst({ where: { repoFullName: REPO, commitSha: pushed.sha } });
    }, "the scan of the pushed commit");
    unsubscribe();

    expect(scan).toMatchObject({ branch: "main", filesScanned: 1 });
    const rows = await db().securityScanResult.findMany({ where: { commitSha: pushed.sha }, orderBy: [{ lineNumber: "asc" }] });
    expect(rows.map((r) => [r.filePath, r.lineNumber, r.vulnerabilityType, r.severity])).toEqual([
      ["src/reporting-db.js", 3, "HARDCODED_SECRET", "HIGH"],
      ["src/reporting-db.js", 4, "HARDCODED_SECRET", "HIGH"],
      ["src/reporting-db.js", 5, "HARDCODED_SECRET", "HIGH"],
      ["src/reporting-db.js", 8, "SQL_INJECTION", "HIGH"],
    ]);
    expect(rows.every((r) => r.fixAdvice && r.ruleId && r.findingKey && r.branch === "main")).toBe(true);
    expect(rows[3]).toMatchObject({ cwe: 89, ruleId: "taint.sql-injection", scanner: "taint" });
    // The raw secrets are nowhere in the table.
    const stored = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const raw of ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Sup3rS3cret!2024"]) expect(stored).not.toContain(raw);
    expect(rows[0]!.evidence).toBe("AKIA**************** (20 chars)");
    expect(live).toEqual([expect.objectContaining({ kind: "security-scan.completed", id: pushed.sha, repoFullName: REPO })]);

    // A re-delivered push (or a retried run) writes nothing twice.
    const run = await db().workflowRun.findFirstOrThrow({ where: { functionId: "scan-push" } });
    const again = await scanPushWorkflow.handler({ event: { name: "infraflow/push.received", data: run.eventData as never }, step: directStep, runId: "re-run", attempt: 0 });
    expect(again).toMatchObject({ outcome: "scanned", findings: 4, inserted: 0 });
    expect(await db().securityScanResult.count()).toBe(4);
    expect(await db().securityScan.count()).toBe(1);

    // tRPC reads with the page's filters.
    const t = createCaller(await createTrpcContext({ user: { id: user.id, login: user.login, name: null, email: null, image: null } }));
    expect(await t.security.stats({ repo: REPO })).toMatchObject({ totalScans: 1, criticalCount: 0, highCount: 4, mediumCount: 0, lowCount: 0 });
    expect((await t.security.scans({ repo: REPO, branch: "main", severity: "HIGH" })).map((s) => s.lineNumber).sort()).toEqual([3, 4, 5, 8]);
    expect(await t.security.scans({ repo: REPO, severity: "LOW" })).toEqual([]);
    expect(await t.security.scans({ branch: "other" })).toEqual([]);
    expect((await t.security.scans({ commitSha: pushed.sha.slice(0, 7) })).length).toBe(4);
    expect(await t.security.targets()).toEqual([{ repoFullName: REPO, branches: ["main"] }]);
  }, 180_000);

  it("does not scan a repository that is not monitored", async () => {
    const result = await scanPushWorkflow.handler({
      event: { name: "infraflow/push.received", data: { repoFullName: "infraflow-demo/payments-api", branch: "main", before: "a".repeat(40), after: "b".repeat(40), deliveryId: "d-1", changedFiles: ["src/pricing.js"] } },
      step: directStep, runId: "r", attempt: 0,
    });
    expect(result).toEqual({ outcome: "not-monitored" });
    expect(await db().securityScan.count({ where: { repoFullName: "infraflow-demo/payments-api" } })).toBe(0);
  });
});
