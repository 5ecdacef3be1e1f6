// Turns the evidence collected over a log into one failure type, a confidence and the deciding lines.
import type { FailureType } from "./failure-types";

export interface Evidence {
  ruleId: string;
  type: FailureType;
  weight: number;
  count: number;
  /** First lines (1-based) where the rule matched. */
  lines: number[];
  /** The GitHub step the evidence was seen in (0 without steps). */
  segment: number;
}

export interface Classification {
  failureType: FailureType;
  confidence: number;
  decidingLines: number[];
  score: number;
}

/** Below this, the log says too little to name a type. */
export const MIN_SCORE = 2.5;
const MAX_DECIDING_LINES = 5;

/**
 * Each rule adds its weight once, and a quarter of it for each repeat up to four more: one decisive
 * verdict line (10) outweighs a handful of generic hints, and a thousand repeated warnings cannot.
 * Confidence grows with the winner's score and shrinks with the runner-up's share.
 */
export function classifyFailure(evidence: Evidence[]): Classification {
  const scores = new Map<FailureType, number>();
  for (const e of evidence) {
    const contribution = e.weight * (1 + 0.25 * Math.min(e.count - 1, 4));
    scores.set(e.type, (scores.get(e.type) ?? 0) + contribution);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < MIN_SCORE) {
    return { failureType: "UNKNOWN", confidence: round(top ? 1 - top[1] / MIN_SCORE : 1) * 0.5, decidingLines: [], score: 0 };
  }
  const strength = 1 - Math.exp(-top[1] / 8);
  const margin = second ? (top[1] - second[1]) / top[1] : 1;
  const confidence = round(strength * (0.4 + 0.6 * margin));
  const deciding = evidence
    .filter((e) => e.type === top[0])
    .sort((a, b) => b.weight - a.weight || a.lines[0]! - b.lines[0]!)
    .flatMap((e) => e.lines.slice(0, 2))
    .slice(0, MAX_DECIDING_LINES)
    .sort((a, b) => a - b);
  return { failureType: top[0], confidence, decidingLines: [...new Set(deciding)], score: top[1] };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
