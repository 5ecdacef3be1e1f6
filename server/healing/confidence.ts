// The confidence a session shows (issue 9 §5), and what it decides. The model's own number is a claim;
// the earned rate is the record: how LLM fixes of this failure type fared when CI verified them (or a
// developer rejected them). The model's claim counts as CONFIDENCE_PRIOR_TRIALS imagined trials at its
// rate, the record adds the real ones, and the session shows the Wilson lower bound of the total — the
// same bound the knowledge base earns fixes with (server/knowledge/fix-confidence.ts). So a fresh failure
// type never clears the default threshold on the model's word alone (0.9 → 0.58); about four verified
// successes of that type let a confident fix through (0.9 with 4/4 → 0.76), and failures pull it down.
// The result never exceeds the model's own number: history can lower a claim, never raise a doubt.
import { wilsonLowerBound, type OutcomeCounts } from "../knowledge/fix-confidence";
import type { GuardrailFinding } from "./guardrails/types";

export const CONFIDENCE_PRIOR_TRIALS = 4;

export function combineConfidence(proposed: number, earned: OutcomeCounts): number {
  const p = Math.min(1, Math.max(0, Number.isFinite(proposed) ? proposed : 0));
  const trials = earned.successCount + earned.failureCount;
  const bound = wilsonLowerBound(earned.successCount + CONFIDENCE_PRIOR_TRIALS * p, trials + CONFIDENCE_PRIOR_TRIALS);
  return round4(Math.min(p, bound));
}

export interface ReviewDecision {
  /** Flag the session for a person: confidence below the threshold, or a guardrail finding. */
  needsReview: boolean;
  /** Approve it as SYSTEM without waiting for a person. */
  autoApply: boolean;
}

/** HEALING_AUTO_APPLY applies only at or above HEALING_CONFIDENCE_THRESHOLD and never with a guardrail finding. */
export function reviewDecision(o: { confidence: number; threshold: number; findings: readonly GuardrailFinding[]; autoApply: boolean }): ReviewDecision {
  const confident = o.confidence >= o.threshold;
  const clean = o.findings.length === 0;
  return { needsReview: !confident || !clean, autoApply: o.autoApply && confident && clean };
}

// healing_sessions.confidence_score is DECIMAL(5,4).
function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
