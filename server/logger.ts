// One pino logger per process. Runbook §12 messages are logged verbatim (as `msg`) so operators can
// grep for them; structured fields carry the ids. Writes are asynchronous (lines written while a write is in flight go out together): the
// webhook path logs per delivery, and a write syscall per line costs more than the delivery itself.
import pino from "pino";
import { env } from "./env";
import { redaction } from "./log-redaction";
import { processSingleton } from "./runtime-state";

function rootLogger(): pino.Logger {
  return processSingleton("logger", () =>
    pino(
      { level: env().LOG_LEVEL, base: { app: "infraflow" }, timestamp: pino.stdTimeFunctions.isoTime, redact: redaction },
      pino.destination({ dest: 1, sync: false }),
    ),
  );
}

/** A child logger for one component (e.g. "event-normalizer", "healing-engine"), created once. */
export function logger(component: string): pino.Logger {
  return processSingleton(`logger:${component}`, () => rootLogger().child({ component }));
}
