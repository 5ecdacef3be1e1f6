// infraflow/session.rejected → the rejection teaches the knowledge base (a cached fix loses confidence).
import { db } from "@/server/db/client";
import { learnFromRejection } from "@/server/healing/learn-from-rejection";
import { publishLive } from "@/server/realtime/live";
import { sessionRejected } from "../events";
import { defineWorkflow } from "../workflow";

export const rejectSessionWorkflow = defineWorkflow(
  { id: "reject-session", trigger: sessionRejected, concurrency: { key: 'event.data.repoFullName + ":" + event.data.branch', limit: 1 } },
  async ({ event, step }) => {
    const learned = await step.run("teach-knowledge-base", () => learnFromRejection(db(), BigInt(event.data.sessionId)));
    if (learned) await step.run("announce", () => publishLive("knowledge-events", "knowledge-base.updated", { id: learned.fixId, repoFullName: event.data.repoFullName }));
    return { learned: Boolean(learned) };
  },
);
