import type { FailureType } from "./failure-types";

/**
 * What the analysis says about one log. `errorLines` are 1-based inclusive line ranges in the analysed
 * text (lines end at \n, \r\n or a lone \r), in file order; `decidingLines` are the lines whose evidence
 * chose `failureType`. `confidence` (0..1) grows with the winning type's evidence and shrinks with the
 * runner-up's; for UNKNOWN it is 0.5 when the log showed no evidence at all and lower when some evidence
 * fell short of naming a type. `signature` is the SHA-256 (hex) of `signatureText`: see
 * compute-signature.ts for the algorithm.
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
  /** The `##[group]Run ...` step title last opened before the first reported range, if any. */
  step?: string;
}
