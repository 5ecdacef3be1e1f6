import pino from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db, pgPool } from "../db/client";
import { ingestDelivery, type IngestDeps, type OutgoingEvent } from "./ingest-delivery";

function failedRun(over: { id?: number; branch?: string; repo?: string; attempt?: number; conclusion?: string; updated?: string } = {}) {
  return {
    action: "completed",
    workflow_run: {
      id: over.id ?? 1001, name: "CI", head_branch: over.branch ?? "main", head_sha: "f".repeat(40), status: "completed",
      conclusion: over.conclusion ?? "failure", run_attempt: over.attempt ?? 1, html_url: "https://github.example/run", event: "push",
      updated_at: over.updated ?? "2026-01-01T00:00:00Z",
    },
    repository: { full_name: over.repo ?? "octo/app" },
  };
}

function deps(sent: OutgoingEvent[], opts: { failSend?: boolean } = {}): IngestDeps {
  return {
    db: db(),
    sql: pgPool(),
    log: pino({ level: "silent" }),
    fixBranchPrefix: "auto-fix/",
    sendEvents: async (events) => {
      if (opts.failSend) throw new Error("workflow engine unreachable");
      sent.push(...events);
    },
    publishLive: async () => {},
  };
}

describe("ingestDelivery", () => {
  useTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe("TRUNCATE webhook_deliveries, pipeline_events, healing_sessions, monitored_repos, users RESTART IDENTITY CASCADE");
    const user = await db().user.create({ data: { githubId: 9n, login: "dev" } });
    await db().monitoredRepo.create({ data: { userId: user.id, repoFullName: "octo/app" } });
  });

  it("starts healing for a failed run of a monitored repository, once per run attempt", async () => {
    const sent: OutgoingEvent[] = [];
    await ingestDelivery(deps(sent), { id: "a", event: "workflow_run", payload: failedRun() });
    await ingestDelivery(deps(sent), { id: "b", event: "workflow_run", payload: failedRun({ attempt: 2, updated: "2026-01-01T00:05:00Z" }) });
    expect(sent.map((e) => [e.name, e.id])).toEqual([
      ["infraflow/pipeline.failed", "pipeline-failed-1001-1"],
      ["infraflow/pipeline.failed", "pipeline-failed-1001-2"],
    ]);
    const row = await db().pipelineEvent.findFirstOrThrow({ where: { runAttempt: 1 } });
    expect(sent[0]!.data).toMatchObject({ pipelineEventId: row.id.toString(), repoFullName: "octo/app", runId: "1001", commitSha: "f".repeat(40) });
  });

  it("stores but does not heal successes and cancellations; stores nothing of unmonitored repositories", async () => {
    const sent: OutgoingEvent[] = [];
    const ignored = await ingestDelivery(deps(sent), { id: "c", event: "workflow_run", payload: failedRun({ repo: "someone/else" }) });
    await ingestDelivery(deps(sent), { id: "d", event: "workflow_run", payload: failedRun({ id: 2, conclusion: "success" }) });
    await ingestDelivery(deps(sent), { id: "e", event: "workflow_run", payload: failedRun({ id: 3, conclusion: "cancelled" }) });
    expect(sent).toEqual([]);
    expect(ignored).toMatchObject({ status: 202, body: { ignored: "repository someone/else is not monitored by InfraFlow" } });
    expect(await db().pipelineEvent.count()).toBe(2);
    expect(await db().webhookDelivery.count()).toBe(2);
    expect((await db().pipelineEvent.findFirstOrThrow({ where: { runId: 3n } })).status).toBe("cancelled");
  });

  it("links CI on an auto-fix branch to its healing session and reports the outcome instead of healing it", async () => {
    const session = await db().healingSession.create({
      data: { repoFullName: "octo/app", branch: "main", commitSha: "e".repeat(40), status: "APPLIED", fixBranch: "auto-fix/7" },
    });
    const sent: OutgoingEvent[] = [];
    await ingestDelivery(deps(sent), { id: "f", event: "workflow_run", payload: failedRun({ id: 77, branch: "auto-fix/7", conclusion: "success" }) });
    const row = await db().pipelineEvent.findFirstOrThrow({ where: { runId: 77n } });
    expect(row.healingSessionId).toBe(session.id);
    expect(sent).toEqual([
      {
        name: "infraflow/fix-run.completed", id: "fix-run-77-1",
        data: { healingSessionId: session.id.toString(), pipelineEventId: row.id.toString(), conclusion: "success", deliveryId: "f", repoFullName: "octo/app", branch: "auto-fix/7", runId: "77" },
      },
    ]);
  });

  it("links a pull request from an auto-fix branch to its session", async () => {
    const session = await db().healingSession.create({
      data: { repoFullName: "octo/app", branch: "main", commitSha: "e".repeat(40), status: "APPLIED", fixBranch: "auto-fix/8" },
    });
    const pr = { action: "opened", pull_request: { number: 12, html_url: "https://github.example/octo/app/pull/12", head: { ref: "auto-fix/8" } }, repository: { full_name: "octo/app" } };
    await ingestDelivery(deps([]), { id: "g", event: "pull_request", payload: pr });
    expect(await db().healingSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ pullRequestNumber: 12 });
  });

  it("sends a push to the security scan with the files it changed", async () => {
    const sent: OutgoingEvent[] = [];
    const push = {
      ref: "refs/heads/main", before: "a".repeat(40), after: "b".repeat(40), repository: { full_name: "octo/app" },
      commits: [{ added: ["src/db.js"], modified: ["README.md"], removed: [] }, { added: [], modified: ["src/db.js"], removed: ["README.md"] }],
    };
    await ingestDelivery(deps(sent), { id: "h", event: "push", payload: push });
    expect(sent).toEqual([
      { name: "infraflow/push.received", id: "push-h", data: { repoFullName: "octo/app", branch: "main", before: "a".repeat(40), after: "b".repeat(40), deliveryId: "h", changedFiles: ["src/db.js"] } },
    ]);
  });

  it("forgets the delivery when the workflow cannot be started, so GitHub's redelivery is processed", async () => {
    await expect(ingestDelivery(deps([], { failSend: true }), { id: "i", event: "workflow_run", payload: failedRun() })).rejects.toThrow("unreachable");
    expect(await db().webhookDelivery.count()).toBe(0);
    const sent: OutgoingEvent[] = [];
    const retried = await ingestDelivery(deps(sent), { id: "i", event: "workflow_run", payload: failedRun() });
    expect(retried.body.duplicate).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(await db().pipelineEvent.count()).toBe(1);
  });
});
