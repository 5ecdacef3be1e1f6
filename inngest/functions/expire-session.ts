// infraflow/session.proposed → a durable sleep of HEALING_APPROVAL_TTL_HOURS, then the proposal expires if
// it is still undecided (a decision meanwhile makes the last step a no-op).
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { announceSession } from "@/server/healing/announce-session";
import { expireSession } from "@/server/healing/expire-session";
import { sessionProposed } from "../events";
import { defineWorkflow } from "../workflow";

export const expireSessionWorkflow = defineWorkflow({ id: "expire-session", trigger: sessionProposed }, async ({ event, step }) => {
  const ttlHours = env().HEALING_APPROVAL_TTL_HOURS;
  await step.sleep("wait-for-decision", `${ttlHours}h`);
  const expired = await step.run("expire-if-undecided", () => expireSession(db(), { sessionId: BigInt(event.data.sessionId), ttlHours }));
  if (expired) await step.run("announce", () => announceSession("expired", { id: event.data.sessionId, repoFullName: event.data.repoFullName }));
  return { expired };
});
