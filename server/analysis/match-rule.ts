// Finds the rule a normalized line matches (first match wins) and the type it is evidence for.
import type { FailureType } from "./failure-types";
import type { LogMarker } from "./normalize-log-line";
import { PREFILTER, RULES, type Rule } from "./rules";

export interface RuleMatch {
  rule: Rule;
  type?: FailureType;
  weight: number;
}

const ERROR_ANNOTATION: Rule = {
  id: "actions.error-annotation",
  pattern: /^/,
  weight: 2,
  examples: [],
};

export function matchRule(text: string, marker?: LogMarker): RuleMatch | undefined {
  if (marker === "group" || marker === "endgroup" || marker === "command" || marker === "section" || marker === "debug") return undefined;
  if (marker === "error" || PREFILTER.test(text)) {
    for (const rule of RULES) {
      const m = rule.pattern.exec(text);
      if (!m || (rule.accept && !rule.accept(m))) continue;
      const type = typeof rule.type === "function" ? rule.type(m) : rule.type;
      // An annotated warning is not an error: it only counts when a rule gives it a type.
      if ((marker === "warning" || marker === "notice") && !type) return undefined;
      return { rule, type, weight: rule.weight };
    }
  }
  if (marker === "error") return { rule: ERROR_ANNOTATION, weight: ERROR_ANNOTATION.weight };
  return undefined;
}
