// infraflow/fix-run.completed → flow 3 verify and learn. The outcome is decided when every workflow that
// ran on the failing commit has completed on the fix commit (runs of the monitored repository only, never
// a fork's); until then a run completing changes nothing. The outcome is stored once and the knowledge base
// learns it once, both keyed by the session, so a retried, resumed or repeated event never counts twice.
// A failed fix: its CI logs become the feedback of a re-code, up to HEALING_MAX_RETRIES; then FAILED.
import { fetchFailureAnalysis } from "@/server/analysis";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { serviceGitHubClient } from "@/server/github/octokit";
import { announceSession } from "@/server/healing/announce-session";
import { checkFixRuns } from "@/server/healing/check-fix-runs";
import { failSession } from "@/server/healing/fail-session";
import { learnFromOutcome } from "@/server/healing/learn-from-outcome";
import { MAX_FEEDBACK_CHARS } from "@/server/healing/feedback-limit";
import { recodeSession, RetryLimitReached } from "@/server/healing/recode-session";
import { recordSessionOutcome } from "@/server/healing/record-session-outcome";
import type { WorkflowEventOut } from "@/server/healing/session-events";
import { publishLive } from "@/server/realtime/live";
import { splitRepoFullName } from "@/server/repos/repo-name";
import { fixRunCompleted } from "../events";
import { defineWorkflow } from "../workflow";

export const recordFixOutcomeWorkflow = defineWorkflow(
  { id: "record-fix-outcome", trigger: fixRunCompleted, concurrency: { key: "event.data.healingSessionId", limit: 1 } },
  async ({ event, step }) => {
    const sessionId = BigInt(event.data.healingSessionId);
    const verdict = await step.run("check-fix-runs", async () => {
      const s = await db().healingSession.findUnique({ where: { id: sessionId }, select: { status: true } });
      // Not applied yet: apply-fix asks again once it is.
      if (s?.status !== "APPLIED") return { decided: false as const, waitingFor: [`the session to be applied (it is ${s?.status ?? "missing"})`] };
      return checkFixRuns({ db: db(), github: serviceGitHubClient(), sessionId });
    });
    if (!verdict.decided) return { outcome: null, waitingFor: verdict.waitingFor };

    const result = await step.run("record-outcome", () =>
      recordSessionOutcome(db(), { sessionId, conclusion: verdict.conclusion, completedAt: new Date(verdict.completedAt), workflows: verdict.workflows }),
    );
    if (!result.outcome) return { outcome: null, conclusion: verdict.conclusion };
    // Runs whenever the outcome is stored (not only when this run stored it), so learning that a crash
    // interrupted is completed by the next run; learnFromOutcome itself never counts twice.
    const learned = await step.run("teach-knowledge-base", () => learnFromOutcome(db(), sessionId));
    await step.run("announce-verified", async () => {
      await announceSession("verified", { id: sessionId, repoFullName: result.repoFullName });
      if (learned) await publishLive("knowledge-events", "knowledge-base.updated", { id: learned.fixId, repoFullName: result.repoFullName });
    });
    if (result.outcome === "SUCCEEDED") return { outcome: result.outcome, mttrSeconds: result.mttrSeconds, learned: Boolean(learned) };

    const feedback = await step.run("read-fix-run-failure", async () => {
      const s = await db().healingSession.findUniqueOrThrow({ where: { id: sessionId } });
      let excerpt = "";
      if (verdict.failedRunId) {
        const analysis = await fetchFailureAnalysis(serviceGitHubClient(), {
          ...splitRepoFullName(s.repoFullName), runId: Number(verdict.failedRunId), maxLogBytes: env().ANALYSIS_MAX_LOG_BYTES, maxZipBytes: env().ANALYSIS_MAX_ZIP_BYTES,
        }).catch(() => null);
        excerpt = analysis?.primary?.analysis.excerpt ?? "";
      }
      // Three quarters of the re-code feedback limit, leaving room for the line that names the run: the
      // excerpt's head holds the root cause.
      const room = (MAX_FEEDBACK_CHARS * 3) / 4;
      const clipped = excerpt.length > room ? `${excerpt.slice(0, room)}\n…` : excerpt;
      const reason = `CI failed on the fix (run ${verdict.failedRunId ?? "unknown"} on ${s.fixBranch})${clipped ? `:\n${clipped}` : ""}`;
      await db().healingSession.updateMany({ where: { id: sessionId, failureReason: null }, data: { failureReason: reason } });
      return reason;
    });
    const recode = await step.run("recode-after-ci-failure", async () => {
      const collected: WorkflowEventOut[] = [];
      try {
        const child = await recodeSession(
          { db: db(), send: async (e) => void collected.push(...e) },
          { sessionId, by: { kind: "system" }, feedback, maxRetries: env().HEALING_MAX_RETRIES, failedRunId: verdict.failedRunId },
        );
        return { childId: child.id, events: collected };
      } catch (err) {
        if (!isAppError(err) || err.code !== "CONFLICT") throw err;
        if (err instanceof RetryLimitReached) {
          await failSession(db(), { sessionId, reason: `${feedback}\n\n${err.message}`, from: ["APPLIED"], action: "RETRIES_EXHAUSTED" });
          await announceSession("failed", { id: sessionId, repoFullName: result.repoFullName });
        }
        return { childId: null, events: [] };
      }
    });
    if (recode.events.length) await step.sendEvent("start-recode", recode.events);
    return { outcome: result.outcome, learned: Boolean(learned), recodedAs: recode.childId };
  },
);
