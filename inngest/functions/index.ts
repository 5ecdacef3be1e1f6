// Every workflow of the app: served by /api/inngest and run by the embedded runner.
import type { Workflow } from "../workflow";
import { analyzeFailure } from "./analyze-failure";

export const workflows = [analyzeFailure] as Workflow<never>[];
