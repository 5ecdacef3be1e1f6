// The one way the app starts workflows: to Inngest when configured, else to the embedded runner.
import { env } from "@/server/env";
import { inngestClient, workflowEngine } from "./client";
import { embeddedRunner } from "./runner";
import type { WorkflowEvent } from "./workflow";

export async function sendEvents(events: WorkflowEvent<unknown>[]): Promise<void> {
  if (events.length === 0) return;
  if (workflowEngine(env()) === "inngest") {
    await inngestClient().send(events.map((e) => ({ name: e.name, data: e.data as Record<string, unknown>, ...(e.id && { id: e.id }) })));
  } else {
    await embeddedRunner().dispatch(events);
  }
}
