// All rules in the order they are tried (first match wins), the cheap pre-filter that lets most lines of
// a log skip the rules entirely, and what counts as the continuation of an error message.
import { dockerRules } from "./docker";
import { genericRules, jvmRules } from "./generic";
import { githubActionsRules } from "./github-actions";
import { goRules } from "./go";
import { gradleRules } from "./gradle";
import { infrastructureRules } from "./infrastructure";
import { javascriptRules } from "./javascript";
import { mavenRules } from "./maven";
import { pythonRules } from "./python";
import type { Rule } from "./rule";
import { rustRules } from "./rust";
import { shellRules } from "./shell";

export type { Rule } from "./rule";

export const RULES: readonly Rule[] = [
  ...githubActionsRules,
  ...infrastructureRules,
  ...dockerRules,
  ...mavenRules,
  ...gradleRules,
  ...goRules,
  ...rustRules,
  ...pythonRules,
  ...javascriptRules,
  ...shellRules,
  ...jvmRules,
  ...genericRules,
];

/**
 * A line that matches none of these words cannot match any rule (the rule tests check every example
 * against it). Most lines of a build log ("[INFO] Downloading ...", "Collecting x") stop here.
 */
export const PREFILTER =
  /err|fail|fatal|exception|panic|denied|not found|cannot|can't|could ?n|unable|not ok|assert|traceback|kill|time[d -]?out|space|refused|reset|unavailable|violat|problem|format|conflict|invalid|unknown|missing|require|unexpected|mismatch|undefined|unresolv|differ|forbidden|rate limit|lock ?file|satisf|incompatib|[✕✖×✗❯●⎯]|^e: |^FAIL|^# |^vet: |clippy|deny|no matching|no solution|impossible|wheel|reformat|imports are|diff in|rustc|tests run|<<<|rule \d|dependenc|artifact|jenkins|license|exceed|shutdown|lost|deprecat|hung up|early eof|rpc|memory|oom|enospc|eai_|enot|econn|etimedout|socket|spurious|gone|bad gateway|unauthori|permission|no such|not recogni|YN0|failing|what went wrong|^> |rated at|\(\w+\)$|version|canceled|cancelled|not set|unbound|solving|build|exit code|exit status|\.go:\d|lint|MD\d{3}|✘|Oh no|^Killed$|sync|toomanyrequests|manifest|login|TTY|connect|non-zero|^\* |help|^Found \d/i;

const CONTINUATION =
  /^(\s+\S|at |Caused by:|\.\.\. \d+ more|\||\^|-->|= |E\s|>|\+|-|~|npm (ERR!|error)|ERR_PNPM|\[ERROR\]|\[FATAL\]|error|Error|warning:|note:|help:|\d+ \||\s*│|➤ YN0)/;

/** Whether a line that matches no rule still belongs to the error message above it. */
export function isContinuation(text: string): boolean {
  return CONTINUATION.test(text);
}

const FRAME = /^\s*(at |\.\.\. \d+ more|File ".*", line \d+|\d+: 0x[0-9a-f]+|#\d+ 0x|\S+\.go:\d+ \+0x)/;

/** Stack-trace frames: part of a range, never part of a signature (they move with every refactoring). */
export function isStackFrame(text: string): boolean {
  return FRAME.test(text);
}
