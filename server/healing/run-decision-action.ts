// The dashboard's decision server actions answer { ok } or { ok: false, error: { code, message } }
// (server/http/run-action.ts); the decision's own result is read back through the session queries.
import type { Viewer } from "../access";
import { runAction, type ActionResult } from "../http/run-action";

export type DecisionActionResult = ActionResult<void>;

export function runDecisionAction(viewer: Viewer | null, fn: (viewer: Viewer) => Promise<unknown>): Promise<DecisionActionResult> {
  return runAction(viewer, "healing-engine", async (v) => {
    await fn(v);
  });
}
