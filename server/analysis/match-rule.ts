// Finds the rule a normalized line matches (first match wins) and the type it is evidence for. Only the
// rules whose keywords occur in the line are tried; an `##[error]` annotation tries them all.
import type { FailureType } from "./failure-types";
import type { LogMarker } from "./normalize-log-line";
import { RULE_KEYWORDS, RULES, type Rule } from "./rules";
import type { Phase } from "./rules/rule";

export interface RuleMatch {
  rule: Rule;
  type?: FailureType;
  weight: number;
}

const ERROR_ANNOTATION: Rule = {
  id: "actions.error-annotation",
  keywords: [],
  pattern: /^/,
  weight: 2,
  examples: [],
};

const candidates = new Uint8Array(RULES.length);
const touched: number[] = [];
const mark = (id: number) => {
  if (candidates[id] === 0) {
    candidates[id] = 1;
    touched.push(id);
  }
};

/** Indexes (in rule order) of the rules whose keywords occur in the text. */
const NONE: number[] = [];

export function candidateRules(text: string): number[] {
  RULE_KEYWORDS.scan(text, mark);
  if (touched.length === 0) return NONE;
  const ids = touched.sort((a, b) => a - b).slice();
  for (const id of touched) candidates[id] = 0;
  touched.length = 0;
  return ids;
}

/** The first rule matching the line; `phase` is the kind of work running (see detect-phase.ts). */
export function matchRule(text: string, marker?: LogMarker, phase?: Phase): RuleMatch | undefined {
  if (marker === "group" || marker === "endgroup" || marker === "command" || marker === "section" || marker === "debug") return undefined;
  const ids = marker === "error" ? RULES.map((_, i) => i) : candidateRules(text);
  for (const id of ids) {
    const rule = RULES[id]!;
    const m = rule.pattern.exec(text);
    if (!m || (rule.accept && !rule.accept(m))) continue;
    const type = typeof rule.type === "function" ? rule.type(m, phase) : rule.type;
    // An annotated warning is not an error: it only counts when a rule gives it a type.
    if ((marker === "warning" || marker === "notice") && !type) return undefined;
    return { rule, type, weight: rule.weight };
  }
  if (marker === "error") return { rule: ERROR_ANNOTATION, weight: ERROR_ANNOTATION.weight };
  return undefined;
}
