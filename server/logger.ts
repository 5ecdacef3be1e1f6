// One pino logger per process. Runbook §12 messages are logged verbatim (as `msg`) so operators can
// grep for them; structured fields carry the ids.
import pino from "pino";
import { env } from "./env";

let root: pino.Logger | undefined;

function rootLogger(): pino.Logger {
  root ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "infraflow" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return root;
}

/** A child logger for one component (e.g. "event-normalizer", "healing-engine"). */
export function logger(component: string): pino.Logger {
  return rootLogger().child({ component });
}
