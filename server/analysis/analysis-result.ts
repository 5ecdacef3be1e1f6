import type { EvidenceGrade } from "./calibration";
import type { FailureType } from "./failure-types";

/**
 * What the analysis says about one log. `errorLines` are 1-based inclusive line ranges in the analysed
 * text (lines end at \n, \r\n or a lone \r), root cause first: the first range is the error that made
 * the failing step fail (the compiler's, test runner's or linter's own message), then the other ranges
 * of that kind, then verdicts and counts, then other errors, each group in log order (see
 * rank-error-ranges.ts). `decidingLines` are the lines whose evidence chose `failureType`. `confidence`
 * (0..1) is calibrated: about that share of the answers decided the same way were right on the
 * evaluation logs (calibration.ts); for UNKNOWN it is at most 0.3. `signature` is the SHA-256 (hex) of
 * `signatureText`: see compute-signature.ts for the algorithm.
 */
export interface AnalysisResult {
  failureType: FailureType;
  confidence: number;
  decidingLines: number[];
  errorLines: [number, number][];
  excerpt: string;
  signature: string;
  signatureText: string;
}

/** The same for a log inside a run-logs zip or fetched for one job: which job and step it came from. */
export interface JobAnalysisResult extends AnalysisResult {
  job?: string;
  step?: string;
}

/** Facts about the log the analysis saw, used to pick the failing job among several. */
export interface LogFacts {
  lines: number;
  /** The runner annotated an error (`##[error]`) that is not a cancellation. */
  failed: boolean;
  /** The only errors annotated were cancellations. */
  cancelledOnly: boolean;
  /** Score of the winning type (0 when none). */
  score: number;
  /** The step ("Run ...") or command ("$ ...") title the first reported range is in, if any. */
  step?: string;
  /** How the type was decided (the calibration table's key). */
  grade: EvidenceGrade;
}
