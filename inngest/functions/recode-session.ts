// infraflow/session.recode-requested → a new attempt (runbook §4.3): Claude again, with the earlier
// attempts, their diffs and the feedback (a developer's, or the logs of the fix's failed CI) in the prompt.
import { logger } from "@/server/logger";
import { sessionRecodeRequested } from "../events";
import { proposeFixSteps } from "../healing-steps";
import { defineWorkflow } from "../workflow";

export const recodeSessionWorkflow = defineWorkflow(
  { id: "recode-session", trigger: sessionRecodeRequested, concurrency: { key: 'event.data.repoFullName + ":" + event.data.branch', limit: 1 } },
  async ({ event, step }) => {
    const { sessionId, repoFullName, branch } = event.data;
    return proposeFixSteps(step, { sessionId, repoFullName, branch, useKnowledgeBase: false, log: logger("healing-engine") });
  },
);
