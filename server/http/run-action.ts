// The result shape of every server action: errors come back as { code, message } values (never thrown
// across the server-action boundary, where Next would hide the message), with the AppError code that the
// REST API maps to an HTTP status.
import type { Viewer } from "../access";
import { isAppError } from "../errors";
import { logger } from "../logger";

export type ActionResult<T = void> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Runs `fn` for the signed-in viewer; unexpected errors are logged under `component` and answered as INTERNAL. */
export async function runAction<V extends Viewer, T>(viewer: V | null, component: string, fn: (viewer: V) => Promise<T>): Promise<ActionResult<T>> {
  if (!viewer) return { ok: false, error: { code: "UNAUTHORIZED", message: "Sign in with GitHub first" } };
  try {
    return { ok: true, value: await fn(viewer) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    logger(component).error({ err }, "Server action failed");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong; see the server log" } };
  }
}
