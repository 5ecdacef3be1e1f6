// The proposal part of flow 2, shared by heal-failure (a new session) and recode-session (a new attempt):
// knowledge base first (no LLM call on a hit), else Claude; then the guardrails, the session's new status,
// and HEALING_AUTO_APPLY. Each side effect is a named step, so both engines journal and retry it.
import type { Logger } from "pino";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { serviceGitHubClient } from "@/server/github/octokit";
import { announceSession } from "@/server/healing/announce-session";
import { approveSession } from "@/server/healing/approve-session";
import { findKnowledgeBaseFix } from "@/server/healing/find-knowledge-base-fix";
import { generateFix } from "@/server/healing/generate";
import { guardrailOptionsFromEnv } from "@/server/healing/guardrails/options-from-env";
import { readFailureToHeal, readPreviousAttempts } from "@/server/healing/read-failure-to-heal";
import { proposedEvent, type WorkflowEventOut } from "@/server/healing/session-events";
import { storeProposal, type Proposal } from "@/server/healing/store-proposal";
import type { WorkflowStep } from "./workflow";

export interface SessionRef {
  sessionId: string;
  repoFullName: string;
  branch: string;
}

export async function proposeFixSteps(step: WorkflowStep, o: SessionRef & { useKnowledgeBase: boolean; log: Logger }) {
  const sessionId = BigInt(o.sessionId);
  const kb = o.useKnowledgeBase
    ? await step.run("lookup-knowledge-base", async () =>
        findKnowledgeBaseFix({ github: serviceGitHubClient(), log: o.log, failure: await readFailureToHeal(db(), sessionId), guardrails: guardrailOptionsFromEnv() }),
      )
    : null;

  let proposal: Proposal;
  if (kb?.hit) {
    proposal = { ok: true, source: "KNOWLEDGE_BASE", plan: kb.plan, kbFixId: kb.fixId, usage: null, demo: false, omitted: [] };
  } else {
    proposal = await step.run("generate-fix", async (): Promise<Proposal> => {
      const failure = await readFailureToHeal(db(), sessionId);
      o.log.info({ sessionId: o.sessionId, repo: o.repoFullName }, `Calling Claude API for failure type: ${failure.failureType}`);
      const result = await generateFix({
        github: serviceGitHubClient(), log: o.log, failure,
        previousAttempts: await readPreviousAttempts(db(), sessionId),
        kbHint: kb && !kb.hit ? kb.hint : null,
      });
      return result.ok
        ? { ok: true, source: "LLM", plan: result.plan, kbFixId: null, usage: result.usage, demo: result.demo, omitted: result.omitted }
        : { ok: false, source: "LLM", kind: result.kind, reason: result.reason, usage: result.usage, demo: result.demo, omitted: result.omitted };
    });
  }

  const stored = await step.run("store-proposal", () =>
    storeProposal(db(), {
      sessionId, proposal, threshold: env().HEALING_CONFIDENCE_THRESHOLD, autoApply: env().HEALING_AUTO_APPLY, guardrails: guardrailOptionsFromEnv(), log: o.log,
    }),
  );
  await step.run("announce-proposal", () => announceSession(stored.status === "PENDING_APPROVAL" ? "pending-approval" : "failed", { id: o.sessionId, repoFullName: o.repoFullName }));

  if (stored.status === "PENDING_APPROVAL" && !stored.autoApply) {
    await step.sendEvent("schedule-expiry", proposedEvent({ id: sessionId, repoFullName: o.repoFullName, branch: o.branch }));
  }
  if (stored.autoApply) {
    const events = await step.run("auto-approve", async () => {
      const collected: WorkflowEventOut[] = [];
      try {
        await approveSession({ db: db(), send: async (e) => void collected.push(...e) }, { sessionId, by: { kind: "system" } });
      } catch (err) {
        // Already decided (a person was faster, or this step is retried after it stored the approval).
        if (isAppError(err) && err.code === "CONFLICT") return [];
        throw err;
      }
      return collected;
    });
    if (events.length) await step.sendEvent("start-apply", events);
  }
  return { sessionId: o.sessionId, status: stored.status, source: proposal.source, autoApplied: stored.autoApply, confidence: stored.confidence };
}
