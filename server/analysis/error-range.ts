// An error range: consecutive lines of a log that belong to one error message, as the analyzer keeps
// them (the first lines only, for the excerpt and the signature).
import type { FailureType } from "./failure-types";

export interface StoredLine {
  n: number;
  text: string;
  weight: number;
  type?: FailureType;
  boilerplate: boolean;
  summary: boolean;
  /** Printed at warning level ("[WARNING]", "warning:", "npm WARN"): evidence, but not the error itself. */
  warning: boolean;
  matched: boolean;
}

export interface ErrorRange {
  start: number;
  end: number;
  /** The strongest rule weight inside the range. */
  strength: number;
  before: StoredLine[];
  lines: StoredLine[];
  /** Per type, the strongest line that is evidence for it. */
  types: Partial<Record<FailureType, number>>;
  /** The same, counting only the tool's own error lines (not verdicts or counts, not warnings). */
  causes: Partial<Record<FailureType, number>>;
  /** The same for the tool's own lines printed at warning level. */
  hints: Partial<Record<FailureType, number>>;
  /** The step or command title the range is in. */
  step?: string;
  /** Index of the step or command (see track-log-context.ts); 0 before the first or without any. */
  segment: number;
}
