// The baseline the evaluation compares against: what `grep -iE 'error|fail'` plus a keyword vote gives.
// Every matching line is its own range; the type is the keyword guess most matching lines agree on.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

const HIT = /error|fail/i;

export function guessType(line: string): string {
  if (/test/i.test(line)) return "TEST_FAILURE";
  if (/compil/i.test(line)) return "BUILD_COMPILE";
  if (/enforcer|conflict|converg|lock/i.test(line)) return "DEPENDENCY_CONFLICT";
  if (/depend|artifact|resolv/i.test(line)) return "DEPENDENCY_RESOLUTION";
  if (/lint|style|format/i.test(line)) return "LINT";
  return "UNKNOWN";
}

export async function baselineAnalyze(input: Readable | string): Promise<{ failureType: string; errorLines: [number, number][] }> {
  const stream = typeof input === "string" ? createReadStream(input) : input;
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  const errorLines: [number, number][] = [];
  let n = 0;
  const votes = new Map<string, number>();
  for await (const raw of rl) {
    // readline ends lines at \n and \r\n only; count lone \r breaks like the dataset does.
    const parts = raw.split("\r");
    for (const line of parts) {
      n++;
      if (HIT.test(line)) {
        errorLines.push([n, n]);
        const guess = guessType(line);
        if (guess !== "UNKNOWN") votes.set(guess, (votes.get(guess) ?? 0) + 1);
      }
    }
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return { failureType: best?.[0] ?? "UNKNOWN", errorLines };
}
