// The guardrail options the product runs with: HEALING_ALLOW_WORKFLOW_EDITS from the environment, size
// limits at their documented defaults.
import { env, type Env } from "../../env";
import type { GuardrailOptions } from "./types";

export function guardrailOptionsFromEnv(settings: Env = env()): GuardrailOptions {
  return { allowWorkflowEdits: settings.HEALING_ALLOW_WORKFLOW_EDITS };
}
