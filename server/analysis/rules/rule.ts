// A rule recognises one kind of line in a tool's real output. Rules are tried in order and the first that
// matches a line wins, so specific rules (a Maven transfer error with an HTTP 503) come before general
// ones (any Maven resolution error) and the generic error rules come last.
import type { FailureType } from "../failure-types";

export interface Rule {
  /** ecosystem.what, e.g. "maven.compiler-goal"; also names the evidence in results. */
  id: string;
  /**
   * Lower-case literals of which at least one occurs in every line the rule matches ("^" = at the start):
   * the rule is only tried on such lines, which keeps the scan of a log fast (see keyword-index.ts).
   */
  keywords: string[];
  pattern: RegExp;
  /** The type this line is evidence for; a function when the match decides it; none for plain error lines. */
  type?: FailureType | ((m: RegExpExecArray) => FailureType | undefined);
  /** 1 = a generic error word, 3-6 = a tool's error line, 8-10 = the tool's own verdict. */
  weight: number;
  /** False: the line only continues an error range that is already open (help text, summaries). */
  start?: boolean;
  /** Part of an error range, but says nothing about this failure: never in the signature. */
  boilerplate?: boolean;
  /** Extra check on the match, e.g. a non-zero failure count. */
  accept?: (m: RegExpExecArray) => boolean;
  /** Real lines this rule must match (checked by the tests, and the documentation of the rule). */
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
