// All rules in the order they are tried (first match wins), the keyword index that lets most lines of a
// log skip the rules entirely, and what counts as the continuation of an error message.
import { KeywordIndex } from "../keyword-index";
import { ciServiceRules } from "./ci-services";
import { dockerRules } from "./docker";
import { genericRules, jvmRules } from "./generic";
import { githubActionsRules } from "./github-actions";
import { goRules } from "./go";
import { gradleRules } from "./gradle";
import { infrastructureRules } from "./infrastructure";
import { javascriptRules } from "./javascript";
import { jsLintRules } from "./js-lint";
import { jsTestRules } from "./js-test";
import { jvmLintRules } from "./jvm-lint";
import { loadErrorRules } from "./load-errors";
import { mavenRules } from "./maven";
import { nativeRules } from "./native";
import { pythonRules } from "./python";
import type { Rule } from "./rule";
import { rubyPhpRules } from "./ruby-php";
import { rustRules } from "./rust";
import { shellRules } from "./shell";

export type { Rule } from "./rule";

export const RULES: readonly Rule[] = [
  ...githubActionsRules,
  ...infrastructureRules,
  ...ciServiceRules,
  ...dockerRules,
  ...mavenRules,
  ...jvmLintRules,
  ...gradleRules,
  ...goRules,
  ...rustRules,
  ...loadErrorRules,
  ...pythonRules,
  ...javascriptRules,
  ...jsLintRules,
  ...jsTestRules,
  ...nativeRules,
  ...rubyPhpRules,
  ...shellRules,
  ...jvmRules,
  ...genericRules,
];

/** Every rule's keywords, indexed: the rules worth trying on a line are those whose keyword it holds. */
export const RULE_KEYWORDS = new KeywordIndex(RULES.flatMap((r, id) => r.keywords.map((keyword) => ({ keyword, id }))));

const CONTINUATION =
  /^(\s+\S|at |Caused by:|#\s{2,}\S|# (- |Require stack:)|\.\.\. \d+ more|\||\^|-->|= |E\s|>|\+|-|~|npm (ERR!|error)|ERR_PNPM|\[ERROR\]|\[FATAL\]|error|Error|warning:|note:|help:|\d+ \||\s*│|➤ YN0)/;

/** Whether a line that matches no rule still belongs to the error message above it. */
export function isContinuation(text: string): boolean {
  return CONTINUATION.test(text);
}

const FRAME = /^(#\s+)?\s*(at |\.\.\. \d+ more|File ".*", line \d+|\d+: 0x[0-9a-f]+|#\d+ 0x|\S+\.go:\d+ \+0x)/;

/** Stack-trace frames: part of a range, never part of a signature (they move with every refactoring). */
export function isStackFrame(text: string): boolean {
  return FRAME.test(text);
}
