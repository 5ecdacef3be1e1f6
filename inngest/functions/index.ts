// Every workflow of the app: served by /api/inngest and run by the embedded runner.
import type { Workflow } from "../workflow";
import { analyzeFailure } from "./analyze-failure";
import { applyFix } from "./apply-fix";
import { expireSessionWorkflow } from "./expire-session";
import { healFailure } from "./heal-failure";
import { recodeSessionWorkflow } from "./recode-session";
import { recordFixOutcomeWorkflow } from "./record-fix-outcome";
import { rejectSessionWorkflow } from "./reject-session";
import { scanPushWorkflow } from "./scan-push";

export const workflows = [
  analyzeFailure, healFailure, applyFix, recordFixOutcomeWorkflow, recodeSessionWorkflow, rejectSessionWorkflow, expireSessionWorkflow,
  scanPushWorkflow,
] as Workflow<never>[];
