// The result shape of the dashboard's decision server actions: errors as { code, message } values (never
// thrown across the server-action boundary), with the AppError code the REST API maps to a status.
import { isAppError } from "../errors";
import { logger } from "../logger";
import type { Viewer } from "../access";

export type DecisionActionResult = { ok: true } | { ok: false; error: { code: string; message: string } };

export async function runDecisionAction(viewer: Viewer | null, fn: (viewer: Viewer) => Promise<unknown>): Promise<DecisionActionResult> {
  if (!viewer) return { ok: false, error: { code: "UNAUTHORIZED", message: "Sign in with GitHub first" } };
  try {
    await fn(viewer);
    return { ok: true };
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    logger("healing-engine").error({ err }, "Healing decision failed");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong; see the server log" } };
  }
}
