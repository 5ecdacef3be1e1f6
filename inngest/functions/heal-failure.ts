// infraflow/heal.requested → flow 2: open the failure's session (or join the open one for the same
// repository, branch and signature), then propose a fix: knowledge base first, else Claude, through the
// guardrails, to PENDING_APPROVAL (or auto-approved). One run at a time per repository + branch.
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { announceSession } from "@/server/healing/announce-session";
import { openOrJoinSession } from "@/server/healing/open-or-join-session";
import { healRequested } from "../events";
import { proposeFixSteps } from "../healing-steps";
import { defineWorkflow } from "../workflow";

export const healFailure = defineWorkflow(
  { id: "heal-failure", trigger: healRequested, concurrency: { key: 'event.data.repoFullName + ":" + event.data.branch', limit: 1 } },
  async ({ event, step }) => {
    const log = logger("healing-engine");
    const d = event.data;
    const session = await step.run("open-session", async () => {
      const r = await openOrJoinSession(db(), {
        pipelineEventId: BigInt(d.pipelineEventId), repoFullName: d.repoFullName, branch: d.branch, commitSha: d.commitSha, runId: d.runId,
        failureType: d.failureType, signature: d.signature, signatureText: d.signatureText, excerpt: d.excerpt, demo: env().HEALING_DEMO_MODE,
      });
      return { opened: r.opened, sessionId: r.sessionId.toString() };
    });
    if (!session.opened) {
      log.info({ sessionId: session.sessionId, pipelineEventId: d.pipelineEventId }, `Failure joined open healing session ${session.sessionId}`);
      await step.run("announce-joined", () => announceSession("joined", { id: session.sessionId, repoFullName: d.repoFullName }));
      return { outcome: "joined", sessionId: session.sessionId };
    }
    await step.run("announce-opened", () => announceSession("opened", { id: session.sessionId, repoFullName: d.repoFullName }));
    const proposed = await proposeFixSteps(step, { sessionId: session.sessionId, repoFullName: d.repoFullName, branch: d.branch, useKnowledgeBase: true, log });
    return { outcome: "proposed", ...proposed };
  },
);
