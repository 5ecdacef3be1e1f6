// Test helpers shared by the knowledge-base suites: failures shaped like server/analysis output, a logger
// that keeps its lines, and an empty-graph reset for each adapter.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import type { FailureType } from "../../analysis/failure-types";
import type { FailureKey } from "../types";

/** A failure as the analysis reports it: signatureText = "<type>\n<lines>", signature = its sha256. */
export function failure(failureType: FailureType, ...lines: string[]): FailureKey {
  const signatureText = [failureType, ...lines].join("\n");
  return { failureType, signatureText, signature: createHash("sha256").update(signatureText).digest("hex") };
}

export function capturingLogger(): { log: Logger; messages: () => string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push((JSON.parse(l) as { msg: string }).msg);
      done();
    },
  });
  return { log: pino({ level: "info" }, sink), messages: () => [...lines] };
}

export const PATCH_FIX = {
  strategy: "Import the moved class from its new package",
  changes: [
    {
      path: "src/main/java/app/Service.java",
      originalContent: "package app;\n\nimport app.util.Helper;\n\nclass Service {}\n",
      content: "package app;\n\nimport app.common.Helper;\n\nclass Service {}\n",
    },
  ],
};

export const OTHER_FIX = {
  strategy: "Pin the dependency to the last compatible version",
  changes: [{ path: "pom.xml", diff: "--- a/pom.xml\n+++ b/pom.xml\n@@ -1,1 +1,1 @@\n-<v>2.0</v>\n+<v>1.9</v>\n" }],
};
