// The process's embedded runner (used when no Inngest server is configured).
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";
import { processSingleton } from "@/server/runtime-state";
import { workflows } from "../functions";
import { createEmbeddedRunner, type EmbeddedRunner } from "./embedded-runner";

export function embeddedRunner(): EmbeddedRunner {
  return processSingleton("embedded-runner", () => createEmbeddedRunner({ workflows, db, log: logger("workflow-runner") }));
}
