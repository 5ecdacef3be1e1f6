// Every workflow of the app: served by /api/inngest and run by the embedded runner.
import type { Workflow } from "../workflow";

export const workflows: Workflow<never>[] = [];
