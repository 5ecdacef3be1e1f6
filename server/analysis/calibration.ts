// Confidence that means something: the share of right answers the analysis had, on the evaluation's
// logs, for answers decided the same way. `npm run eval:analysis -- --write-calibration` counts them
// (calibration.json) and prints the reliability table; a grade seen rarely is pulled towards a
// cautious prior, so a handful of lucky answers cannot claim certainty.
import table from "./calibration.json";

export const EVIDENCE_GRADES = ["agree-clear", "agree-contested", "cause-clear", "cause-contested", "verdict-clear", "load-error", "weak"] as const;
/** How a type was decided (classify-failure.ts), or "unknown" when none was. */
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number] | "unknown";

export interface CalibrationCounts {
  n: number;
  correct: number;
}

/** Prior accuracy of a grade with no data, and how many answers' worth of weight it has. */
export const PRIOR = { accuracy: 0.6, weight: 8 };

export function confidenceFromCounts(c: CalibrationCounts | undefined): number {
  const n = c?.n ?? 0;
  const correct = c?.correct ?? 0;
  return Math.round(((correct + PRIOR.accuracy * PRIOR.weight) / (n + PRIOR.weight)) * 100) / 100;
}

const counts = table.grades as Partial<Record<EvidenceGrade, CalibrationCounts>>;

export function calibratedConfidence(grade: EvidenceGrade): number {
  return confidenceFromCounts(counts[grade]);
}
