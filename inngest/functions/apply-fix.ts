// infraflow/session.approved → flow 3 apply: the fix as one commit on its own branch (git data API), its
// pull request, APPLIED. Each step is safe to retry (an existing branch or pull request of the session is
// reused). Then it asks record-fix-outcome to look at CI once, so a run that finished before the session
// was APPLIED still decides it. One run at a time per repository + branch.
import { StepError } from "inngest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { serviceGitHubClient } from "@/server/github/octokit";
import { announceSession } from "@/server/healing/announce-session";
import { commitFix } from "@/server/healing/commit-fix";
import { failSession } from "@/server/healing/fail-session";
import { markApplied } from "@/server/healing/mark-applied";
import { openFixPullRequest } from "@/server/healing/open-fix-pull-request";
import { logger } from "@/server/logger";
import { sessionApproved } from "../events";
import { defineWorkflow } from "../workflow";

export const applyFix = defineWorkflow(
  { id: "apply-fix", trigger: sessionApproved, concurrency: { key: 'event.data.repoFullName + ":" + event.data.branch', limit: 1 } },
  async ({ event, step }) => {
    const { repoFullName } = event.data;
    const sessionId = BigInt(event.data.sessionId);
    const log = logger("healing-engine");
    let commit: { branch: string; commitSha: string };
    let pr: { number: number; url: string };
    try {
      commit = await step.run("commit-fix", () => commitFix({ db: db(), github: serviceGitHubClient(), log, sessionId, branchPrefix: env().HEALING_FIX_BRANCH_PREFIX }));
      pr = await step.run("open-pull-request", () => openFixPullRequest({ db: db(), github: serviceGitHubClient(), sessionId }));
    } catch (err) {
      if (!(err instanceof StepError)) throw err;
      await step.run("mark-apply-failed", () =>
        failSession(db(), { sessionId, reason: `The fix could not be applied: ${err.message}`, from: ["PENDING_APPROVAL"], action: "FIX_FAILED" }),
      );
      await step.run("announce-failed", () => announceSession("failed", { id: sessionId, repoFullName }));
      return { applied: false, reason: err.message };
    }
    await step.run("mark-applied", () => markApplied(db(), sessionId));
    await step.run("announce-applied", () => announceSession("applied", { id: sessionId, repoFullName }));
    await step.sendEvent("check-ci", {
      name: "infraflow/fix-run.completed",
      id: `fix-applied-${sessionId}`,
      data: { healingSessionId: sessionId.toString(), pipelineEventId: "", conclusion: "unknown", deliveryId: "", repoFullName, branch: commit.branch },
    });
    return { applied: true, branch: commit.branch, commitSha: commit.commitSha, pullRequest: pr.number };
  },
);
