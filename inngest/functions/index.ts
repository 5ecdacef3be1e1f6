// Every workflow of the app: served by /api/inngest and run by the embedded runner.
import type { Workflow } from "../workflow";
import { analyzeFailure } from "./analyze-failure";
import { recordFixOutcomeWorkflow } from "./record-fix-outcome";
import { scanPushWorkflow } from "./scan-push";

export const workflows = [analyzeFailure, recordFixOutcomeWorkflow, scanPushWorkflow] as Workflow<never>[];
