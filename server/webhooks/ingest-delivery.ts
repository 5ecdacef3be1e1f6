// What InfraFlow does with a verified delivery (runbook §4.1 steps 3–4): store it once, normalize it,
// and start the follow-up workflow — healing for a failed run, outcome recording for CI on an auto-fix
// branch, the security scan for a push. Only monitored repositories' deliveries are kept.
import type pg from "pg";
import type { Logger } from "pino";
import type { Db } from "../db/client";
import type { Channel } from "../realtime/messages";
import { normalizePush } from "./normalize-push";
import { normalizeWorkflowRun } from "./normalize-workflow-run";
import type { Delivery } from "./parse-delivery";
import { forgetDelivery, recordDelivery, recordWorkflowRun } from "./record-workflow-run";
import { linkPullRequest } from "./link-pull-request";
import { markEarlierAttemptsFlaky } from "../pipelines/mark-flaky";
import { countUnmonitoredDelivery } from "./unmonitored-deliveries";

export interface OutgoingEvent {
  name: string;
  id: string;
  data: Record<string, unknown>;
}

export interface IngestDeps {
  db: Db;
  /** The process's pool, for the hot-path statements. */
  sql: pg.Pool;
  log: Logger;
  fixBranchPrefix: string;
  sendEvents: (events: OutgoingEvent[]) => Promise<void>;
  publishLive: (channel: Channel, kind: string, ids: { id?: string | bigint; repoFullName: string }) => Promise<void>;
}

export interface IngestResult {
  status: 200 | 202;
  body: { ok: true; duplicate?: true; ignored?: string; pipelineEventId?: string; events?: string[] };
}

export async function ingestDelivery(deps: IngestDeps, delivery: Delivery): Promise<IngestResult> {
  const repo = repoOf(delivery.payload);
  deps.log.info({ deliveryId: delivery.id, event: delivery.event, repo }, `Received GitHub webhook for repo: ${repo ?? "(none)"}`);
  switch (delivery.event) {
    case "workflow_run":
      return ingestWorkflowRun(deps, delivery);
    case "push":
      return ingestPush(deps, delivery);
    default: {
      const action = typeof delivery.payload.action === "string" ? delivery.payload.action : null;
      const recorded = await recordDelivery(deps.sql, delivery.id, delivery.event, action, repo);
      if (recorded === "unmonitored") return unmonitored(deps, delivery, repo!);
      if (recorded === "duplicate") return duplicate();
      if (delivery.event === "pull_request") await linkPullRequest(deps.db, delivery.payload, deps.fixBranchPrefix);
      return { status: 200, body: { ok: true } };
    }
  }
}

async function ingestWorkflowRun(deps: IngestDeps, delivery: Delivery): Promise<IngestResult> {
  const run = normalizeWorkflowRun(delivery.payload);
  const onFixBranch = run.branch.startsWith(deps.fixBranchPrefix);
  // A fork's pull request from a branch named like ours runs here too: it never verifies a session.
  const fromFork = run.headRepoFullName !== run.repoFullName;
  const recorded = await recordWorkflowRun(deps.sql, delivery.id, run, onFixBranch && !fromFork);
  if (!recorded.monitored) return unmonitored(deps, delivery, run.repoFullName);
  if (!recorded.fresh) return duplicate();
  if (recorded.pipelineEventId === null) return { status: 200, body: { ok: true, ignored: "an older state of a run already updated" } };

  const pipelineEventId = recorded.pipelineEventId.toString();
  const events: OutgoingEvent[] = [];
  if (run.completed && onFixBranch && recorded.healingSessionId !== null) {
    events.push({
      name: "infraflow/fix-run.completed",
      id: `fix-run-${run.runId}-${run.runAttempt}`,
      data: {
        healingSessionId: recorded.healingSessionId.toString(), pipelineEventId, conclusion: run.conclusion ?? "unknown", deliveryId: delivery.id,
        repoFullName: run.repoFullName, branch: run.branch, runId: run.runId.toString(),
      },
    });
  } else if (run.failed && !onFixBranch) {
    events.push({
      name: "infraflow/pipeline.failed",
      id: `pipeline-failed-${run.runId}-${run.runAttempt}`,
      data: {
        pipelineEventId, repoFullName: run.repoFullName, branch: run.branch, commitSha: run.commitSha,
        runId: run.runId.toString(), runAttempt: run.runAttempt, workflowName: run.workflowName, deliveryId: delivery.id,
      },
    });
  } else if (!onFixBranch) {
    if (run.conclusion === "success" && run.runAttempt > 1) {
      // The re-run InfraFlow asked for passed: the earlier failed attempts were flaky.
      const flaky = await markEarlierAttemptsFlaky(deps.db, run.runId, run.runAttempt);
      if (flaky) deps.log.info({ repo: run.repoFullName, runId: run.runId.toString() }, "Failure passed on re-run: marked flaky, not healed");
    }
    deps.log.info({ repo: run.repoFullName, runId: run.runId.toString(), status: run.status }, "Ignoring non-failure workflow_run event");
  }
  await dispatch(deps, delivery.id, events);
  await deps.publishLive("pipeline-events", "pipeline-event.updated", { id: pipelineEventId, repoFullName: run.repoFullName });
  return { status: 200, body: { ok: true, pipelineEventId, events: events.map((e) => e.name) } };
}

async function ingestPush(deps: IngestDeps, delivery: Delivery): Promise<IngestResult> {
  const push = normalizePush(delivery.payload);
  const recorded = await recordDelivery(deps.sql, delivery.id, "push", null, push.repoFullName);
  if (recorded === "unmonitored") return unmonitored(deps, delivery, push.repoFullName);
  if (recorded === "duplicate") return duplicate();
  if (push.deleted || push.branch === null) return { status: 200, body: { ok: true, ignored: "branch deletion or tag push: nothing to scan" } };
  const events: OutgoingEvent[] = [
    {
      name: "infraflow/push.received",
      id: `push-${delivery.id}`,
      data: { repoFullName: push.repoFullName, branch: push.branch, before: push.before, after: push.after, deliveryId: delivery.id, changedFiles: push.changedFiles },
    },
  ];
  await dispatch(deps, delivery.id, events);
  return { status: 200, body: { ok: true, events: events.map((e) => e.name) } };
}

/** Starts the follow-up; if that fails, the delivery is forgotten so GitHub's retry is not a duplicate. */
async function dispatch(deps: IngestDeps, deliveryId: string, events: OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await deps.sendEvents(events);
  } catch (err) {
    await forgetDelivery(deps.sql, deliveryId);
    throw err;
  }
  for (const e of events) deps.log.info({ deliveryId, event: e.name, eventId: e.id }, `Published pipeline event to workflow engine: ${e.id}`);
}

function unmonitored(deps: IngestDeps, delivery: Delivery, repo: string): IngestResult {
  const droppedSoFar = countUnmonitoredDelivery();
  deps.log.info({ deliveryId: delivery.id, event: delivery.event, repo, droppedSoFar }, `Ignoring delivery from repository ${repo}: nobody monitors it`);
  return { status: 202, body: { ok: true, ignored: `repository ${repo} is not monitored by InfraFlow` } };
}

function duplicate(): IngestResult {
  return { status: 200, body: { ok: true, duplicate: true } };
}

function repoOf(payload: Record<string, unknown>): string | null {
  const repository = payload.repository as { full_name?: unknown } | undefined;
  return typeof repository?.full_name === "string" ? repository.full_name : null;
}
