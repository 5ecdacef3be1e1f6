// Recorded answers of the demo LLM: one `propose_fix` call per CI-breaking demo scenario, in the tool's
// shape (summary, rootCause, explanation, changes as unified diffs or whole files, confidence, tests
// touched). Each fix turns the scenario's broken file back into the template's, so committing it really
// makes CI pass again. The failure is recognised from the prompt's failure text: the failure-log and
// job-log blocks when the prompt has them (InfraFlow's prompt does), else the whole prompt.
// These are test data: demo mode labels them as such.
import { createPatch } from "diff";
import { findScenario } from "../demo/scenarios";
import { templateFiles } from "../demo/template-files";

export interface ProposedChange {
  path: string;
  action: "modify" | "create" | "delete";
  diff?: string;
  content?: string;
}

export interface ProposedFix {
  summary: string;
  rootCause: string;
  explanation: string;
  changes: ProposedChange[];
  confidence: number;
  testsTouched: boolean;
  testsTouchedReason: string | null;
}

export interface RecordedAnswer {
  scenario: string;
  matches(failureText: string): boolean;
  fix: ProposedFix;
}

/** The change that undoes the scenario's edit of `path`: a unified diff, or the whole template file. */
function repair(scenario: string, path: string, as: "diff" | "content"): ProposedChange {
  const broken = findScenario(scenario)?.files[path];
  const fixed = templateFiles[path];
  if (typeof broken !== "string" || fixed === undefined) throw new Error(`recorded answer: scenario ${scenario} does not change ${path}`);
  return as === "diff" ? { path, action: "modify", diff: createPatch(path, broken, fixed) } : { path, action: "modify", content: fixed };
}

export const recordedAnswers: RecordedAnswer[] = [
  {
    scenario: "missing-dependency",
    matches: (t) => /Cannot find module '@demo\/format'/.test(t),
    fix: {
      summary: "Declare the @demo/format dependency in package.json again.",
      rootCause: "The last commit removed the `@demo/format` (file:vendor/format) dependency from package.json, so `npm install` no longer links vendor/format into node_modules and requiring it fails with `Cannot find module '@demo/format'`.",
      explanation: "Restores the `dependencies` entry `\"@demo/format\": \"file:vendor/format\"`; src/pricing.js and src/notify.js still require the module, so it is not unused.",
      changes: [repair("missing-dependency", "package.json", "content")],
      confidence: 0.93,
      testsTouched: false,
      testsTouchedReason: null,
    },
  },
  {
    scenario: "syntax-error",
    matches: (t) => /\binventory(?:\.test)?\.js\b/.test(t) && /SyntaxError|Unexpected end of input|test failed|ERR_TEST_FAILURE/.test(t),
    fix: {
      summary: "Close the `if` block in reserve() in src/inventory.js.",
      rootCause: "The last commit dropped the closing brace of `if (quantity > available)` in src/inventory.js, so the module does not parse (`SyntaxError: Unexpected end of input`) and test/inventory.test.js fails while loading it.",
      explanation: "Puts the `}` back after the early return, so the function body ends where it did before.",
      changes: [repair("syntax-error", "src/inventory.js", "diff")],
      confidence: 0.95,
      testsTouched: false,
      testsTouchedReason: null,
    },
  },
  {
    scenario: "lint-failure",
    matches: (t) => /\bno-var\b/.test(t) && /\bnotify\.js\b/.test(t),
    fix: {
      summary: "Declare the greeting with const instead of var in src/notify.js.",
      rootCause: "The lint step fails on the no-var rule: src/notify.js line 5 declares `greeting` with `var`.",
      explanation: "`greeting` is never reassigned, so `const` satisfies the rule without changing behaviour.",
      changes: [repair("lint-failure", "src/notify.js", "diff")],
      confidence: 0.97,
      testsTouched: false,
      testsTouchedReason: null,
    },
  },
  {
    scenario: "failing-test",
    matches: (t) => /AssertionError|ERR_ASSERTION|strictly equal/.test(t) && /applyDiscount|pricing/.test(t),
    fix: {
      summary: "Subtract the discount in applyDiscount instead of charging only the discount.",
      rootCause: "test/pricing.test.js expects applyDiscount(10000, 0.2) to be 8000 but gets 2000: the last commit multiplies the subtotal by the rate instead of by (1 - rate) in src/pricing.js.",
      explanation: "Restores `subtotalCents * (1 - rate)`; the tests are right, the code changed their subject's behaviour by mistake.",
      changes: [repair("failing-test", "src/pricing.js", "diff")],
      confidence: 0.9,
      testsTouched: false,
      testsTouchedReason: null,
    },
  },
];

const FAILURE_BLOCK = /<infraflow_(?:failure_log|job_log)(?:\s[^>]*)?>([\s\S]*?)<\/infraflow_(?:failure_log|job_log)>/g;

/** The failure text of a prompt: its failure-log blocks when it has any, else all of it. */
export function failureText(prompt: string): string {
  const blocks = [...prompt.matchAll(FAILURE_BLOCK)].map((m) => m[1]!);
  return blocks.length > 0 ? blocks.join("\n") : prompt;
}

export function findRecordedAnswer(prompt: string): RecordedAnswer | undefined {
  const text = failureText(prompt);
  return recordedAnswers.find((a) => a.matches(text));
}
