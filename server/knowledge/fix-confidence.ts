// A fix's confidence is earned from its outcomes. The runbook's successCount / appliedCount calls a fix
// that worked once "100%"; we use the lower bound of the Wilson score interval instead: the success rate
// we can be 90% sure the fix at least has (one-sided, z = 1.2816). With no failures it is n / (n + z^2):
// 1 success -> 0.38, 2 -> 0.55, 4 -> 0.71, 10 -> 0.86; one failure among 10 -> 0.72. So the default
// KB_MIN_CONFIDENCE 0.70 needs about four clean successes, and each failure costs more than a success earns.
export const CONFIDENCE_Z = 1.2816;

/** Wilson lower bound of `successes` out of `trials`; 0 when there were no trials. */
export function wilsonLowerBound(successes: number, trials: number, z = CONFIDENCE_Z): number {
  if (trials <= 0) return 0;
  const p = Math.min(1, Math.max(0, successes / trials));
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * trials)) / trials);
  return Math.max(0, (centre - margin) / (1 + z2 / trials));
}

export interface OutcomeCounts {
  successCount: number;
  /** Failed plus rejected (runbook §7). */
  failureCount: number;
}

/** Confidence of a fix from its counts: every verified success or failure/rejection is a trial. */
export function fixConfidence(counts: OutcomeCounts): number {
  return wilsonLowerBound(counts.successCount, counts.successCount + counts.failureCount);
}
