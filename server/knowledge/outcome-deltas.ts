// What one outcome adds to a fix's counts (runbook §7: failureCount is "rejected or failed").
import type { FixOutcome } from "./types";

export interface CountDeltas {
  appliedCount: number;
  successCount: number;
  failureCount: number;
  rejectedCount: number;
}

export function outcomeDeltas(outcome: FixOutcome): CountDeltas {
  return {
    appliedCount: outcome === "applied" ? 1 : 0,
    successCount: outcome === "succeeded" ? 1 : 0,
    failureCount: outcome === "failed" || outcome === "rejected" ? 1 : 0,
    rejectedCount: outcome === "rejected" ? 1 : 0,
  };
}
