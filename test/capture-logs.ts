// Captures what the app logs (server/logger.ts) in memory, so a test can check the runbook's §12 messages
// that operators grep for. Replaces the process's logger singletons; `stop` forgets them again.
import { Writable } from "node:stream";
import pino from "pino";
import { redaction } from "@/server/log-redaction";
import { dropProcessSingleton, processSingleton, runtimeState } from "@/server/runtime-state";

export interface CapturedLog {
  component?: string;
  msg: string;
}

function dropLoggers(): void {
  for (const name of [...runtimeState().singletons.keys()]) if (name === "logger" || name.startsWith("logger:")) dropProcessSingleton(name);
}

export function captureLogs(): { messages: () => string[]; entries: () => CapturedLog[]; stop: () => void } {
  const entries: CapturedLog[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) entries.push(JSON.parse(line) as CapturedLog);
      done();
    },
  });
  dropLoggers();
  processSingleton("logger", () => pino({ level: "info", base: { app: "infraflow" }, redact: redaction }, sink));
  return { messages: () => entries.map((e) => e.msg), entries: () => entries, stop: dropLoggers };
}
