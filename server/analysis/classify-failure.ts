// Turns the evidence collected over a log into one failure type, a confidence and the deciding lines.
import { calibratedConfidence, type EvidenceGrade } from "./calibration";
import type { FailureType } from "./failure-types";

export interface Evidence {
  ruleId: string;
  type: FailureType;
  weight: number;
  count: number;
  /** First lines (1-based) where the rule matched. */
  lines: number[];
  /** The step or command the evidence was seen in (0 without steps). */
  segment: number;
  /** A verdict or count restating failures printed elsewhere (see Rule.summary). */
  summary: boolean;
}

export interface Classification {
  failureType: FailureType;
  confidence: number;
  decidingLines: number[];
  score: number;
  /** How the type was decided: the key of the calibration table. */
  grade: EvidenceGrade;
}

/** Below this, the log says too little to name a type. */
export const MIN_SCORE = 2.5;
/** A cause this strong outranks a test run's verdicts when no test of the run failed on its own. */
const LOAD_ERROR_CAUSE = 5;
const MAX_DECIDING_LINES = 5;

const contribution = (e: Evidence) => e.weight * (1 + 0.25 * Math.min(e.count - 1, 4));

/**
 * Each rule adds its weight once, and a quarter of it for each repeat up to four more: one decisive
 * verdict line (10) outweighs a handful of generic hints, and a thousand repeated warnings cannot.
 *
 * A test run that fails because its tests cannot load (a syntax error, a module that cannot be found, a
 * type error reported by the runner) prints only the runner's verdicts ("not ok 1 - test/a.test.js",
 * "Test Suites: 1 failed", "npm ERR! Test failed") and no failed assertion or test case of its own: the
 * load error is then the cause, whatever the verdicts weigh together.
 *
 * The confidence is looked up in the calibration table (calibration.ts) by how the type was decided:
 * whether the tool's own error lines and its verdict agree, and by how much the winner leads.
 */
export function classifyFailure(evidence: Evidence[]): Classification {
  const total = new Map<FailureType, number>();
  const cause = new Map<FailureType, number>();
  const summary = new Map<FailureType, number>();
  for (const e of evidence) {
    const c = contribution(e);
    total.set(e.type, (total.get(e.type) ?? 0) + c);
    const side = e.summary ? summary : cause;
    side.set(e.type, (side.get(e.type) ?? 0) + c);
  }
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top || top[1] < MIN_SCORE) {
    return { failureType: "UNKNOWN", confidence: unknownConfidence(top?.[1] ?? 0), decidingLines: [], score: 0, grade: "unknown" };
  }
  let winner = top[0];
  let loadError = false;
  if (winner === "TEST_FAILURE" && (cause.get("TEST_FAILURE") ?? 0) === 0) {
    const load = [...cause.entries()].filter(([t, s]) => t !== "TEST_FAILURE" && s >= LOAD_ERROR_CAUSE).sort((a, b) => b[1] - a[1])[0];
    if (load) {
      winner = load[0];
      loadError = true;
    }
  }
  const score = total.get(winner)!;
  const runnerUp = Math.max(0, ...[...total.entries()].filter(([t]) => t !== winner).map(([, s]) => s));
  const margin = Math.max(0, (score - runnerUp) / score);
  const grade = gradeOf({ cause: cause.get(winner) ?? 0, summary: summary.get(winner) ?? 0, margin, score, loadError });
  const deciding = evidence
    .filter((e) => e.type === winner)
    .sort((a, b) => Number(a.summary) - Number(b.summary) || b.weight - a.weight || (a.lines[0] ?? 0) - (b.lines[0] ?? 0))
    .flatMap((e) => e.lines.slice(0, 2))
    .slice(0, MAX_DECIDING_LINES)
    .sort((a, b) => a - b);
  return { failureType: winner, confidence: calibratedConfidence(grade), decidingLines: [...new Set(deciding)], score, grade };
}

function gradeOf(f: { cause: number; summary: number; margin: number; score: number; loadError: boolean }): EvidenceGrade {
  if (f.loadError) return "load-error";
  const both = f.cause >= 3 && f.summary > 0;
  if (both) return f.margin >= 0.5 ? "agree-clear" : "agree-contested";
  if (f.cause >= 3) return f.margin >= 0.5 ? "cause-clear" : "cause-contested";
  if (f.margin >= 0.5 && f.score >= 6) return "verdict-clear";
  return "weak";
}

/** Confidence of an UNKNOWN: low, and lower still when some evidence fell short of naming a type. */
function unknownConfidence(best: number): number {
  return Math.round((0.3 * (1 - best / MIN_SCORE)) * 100) / 100;
}
