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
  /** The line is printed at warning level (the analyzer then halves its weight). */
  warning?: boolean;
}

const ERROR_ANNOTATION: Rule = {
  id: "actions.error-annotation",
  keywords: [],
  pattern: /^/,
  weight: 2,
  examples: [],
};

// Which rules' keywords the current line holds: a flag per rule and the lowest and highest flagged
// index, so the rules are then tried in order without sorting or allocating per line.
const candidates = new Uint8Array(RULES.length);
let lowest = RULES.length;
let highest = -1;
const mark = (id: number) => {
  candidates[id] = 1;
  if (id < lowest) lowest = id;
  if (id > highest) highest = id;
};

function scanKeywords(text: string): void {
  lowest = RULES.length;
  highest = -1;
  RULE_KEYWORDS.scan(text, mark);
}

function clearCandidates(): void {
  if (highest >= lowest) candidates.fill(0, lowest, highest + 1);
}

/** The first rule matching the line; `phase` is the kind of work running (see detect-phase.ts). */
export function matchRule(text: string, marker?: LogMarker, phase?: Phase): RuleMatch | undefined {
  if (marker === "group" || marker === "endgroup" || marker === "command" || marker === "section" || marker === "debug") return undefined;
  if (marker === "error") {
    for (let id = 0; id < RULES.length; id++) {
      const m = tryRule(id, text, marker, phase);
      if (m !== undefined) return m === null ? undefined : m;
    }
    return { rule: ERROR_ANNOTATION, weight: ERROR_ANNOTATION.weight };
  }
  scanKeywords(text);
  let found: RuleMatch | null | undefined;
  for (let id = lowest; id <= highest && found === undefined; id++) if (candidates[id] === 1) found = tryRule(id, text, marker, phase);
  clearCandidates();
  return found ?? undefined;
}

/** The rule's match, null when the rule matched but the line does not count, undefined when it did not match. */
function tryRule(id: number, text: string, marker: LogMarker | undefined, phase: Phase): RuleMatch | null | undefined {
  const rule = RULES[id]!;
  const m = rule.pattern.exec(text);
  if (!m || (rule.accept && !rule.accept(m))) return undefined;
  const type = typeof rule.type === "function" ? rule.type(m, phase) : rule.type;
  // An annotated warning is not an error: it only counts when a rule gives it a type.
  if ((marker === "warning" || marker === "notice") && !type) return null;
  return { rule, type, weight: rule.weight };
}
