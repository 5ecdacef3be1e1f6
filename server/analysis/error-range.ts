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
  /** The same, counting only the tool's own error lines (not verdicts or counts). */
  causes: Partial<Record<FailureType, number>>;
  /** The step or command title the range is in. */
  step?: string;
  /** Index of the step or command (see track-log-context.ts); 0 before the first or without any. */
  segment: number;
}
