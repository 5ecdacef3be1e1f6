// A rule recognises one kind of line in a tool's real output. Rules are tried in order and the first that
// matches a line wins, so specific rules (a Maven transfer error with an HTTP 503) come before general
// ones (any Maven resolution error) and the generic error rules come last.
import type { FailureType } from "../failure-types";

/**
 * The kind of work a line was printed during, when the log says so: the Maven goal or Gradle task
 * running, or the CI step / command. A line whose format several tools share (`Foo.java:12: error: ...`
 * from javac or javadoc) takes its type from it.
 */
export type Phase = FailureType | undefined;

export interface Rule {
  /** ecosystem.what, e.g. "maven.compiler-goal"; also names the evidence in results. */
  id: string;
  /**
   * Lower-case literals of which at least one occurs in every line the rule matches ("^" = at the start):
   * the rule is only tried on such lines, which keeps the scan of a log fast (see keyword-index.ts).
   */
  keywords: string[];
  pattern: RegExp;
  /** The type this line is evidence for; a function when the match (or the phase) decides it; none for plain error lines. */
  type?: FailureType | ((m: RegExpExecArray, phase: Phase) => FailureType | undefined);
  /** 1 = a generic error word, 3-6 = a tool's error line, 8-10 = the tool's own verdict. */
  weight: number;
  /**
   * A verdict or count that restates failures printed elsewhere ("Failed to execute goal ...surefire",
   * "Tests: 1 failed", "✖ 3 problems", "npm ERR! Test failed"): it tells the type, but the tool's own
   * error lines above it are the cause and rank first. A test run's verdicts are also what a failure to
   * load the tests (a syntax error, a missing module) produces, so they never outvote that cause.
   */
  summary?: boolean;
  /** False: the line only continues an error range that is already open (help text, summaries). */
  start?: boolean;
  /** Part of an error range, but says nothing about this failure: never in the signature. */
  boilerplate?: boolean;
  /** Extra check on the match, e.g. a non-zero failure count. */
  accept?: (m: RegExpExecArray) => boolean;
  /**
   * Lines this rule must match (checked by the tests, and the documentation of the rule), written in the
   * tool's documented output format; never lines copied from an evaluation data set.
   */
  examples: string[];
}

export function rule(r: Rule): Rule {
  return r;
}

/** Module specifiers that name a file of the project itself, not a package. */
export function isLocalSpecifier(spec: string | undefined): boolean {
  return !!spec && /^(\.{1,2}\/|\/|@\/|~\/|#)/.test(spec);
}

export const nonZero = (group: number) => (m: RegExpExecArray) => Number(m[group] ?? "0") > 0;
