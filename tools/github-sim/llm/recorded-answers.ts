// Recorded answers of the demo LLM: one fix per demo scenario, recognised from the failure text in the
// prompt. The fixes restore the template's files, so committing one really makes CI pass again.
// These are test data: demo mode labels them as such.
import { templateFiles } from "../demo/template-files";

export interface ProposedFix {
  summary: string;
  strategy: string;
  confidence: number;
  changes: { path: string; action: "modify" | "create"; content: string }[];
}

export interface RecordedAnswer {
  scenario: string;
  matches(prompt: string): boolean;
  fix: ProposedFix;
}

const restore = (path: string) => ({ path, action: "modify" as const, content: templateFiles[path]! });

export const recordedAnswers: RecordedAnswer[] = [
  {
    scenario: "missing-dependency",
    matches: (p) => /Cannot find module '@demo\/format'/.test(p),
    fix: {
      summary: "Restore the @demo/format dependency that package.json no longer declares.",
      strategy: "The tests fail with `Cannot find module '@demo/format'` because the last commit removed the local file: dependency from package.json, so `npm install` no longer links vendor/format into node_modules. Declaring it again restores the module.",
      confidence: 0.93,
      changes: [restore("package.json")],
    },
  },
  {
    scenario: "syntax-error",
    matches: (p) => /SyntaxError/.test(p) && /inventory/.test(p),
    fix: {
      summary: "Close the if block in src/inventory.js.",
      strategy: "Node reports `SyntaxError: Unexpected end of input` while loading src/inventory.js: the `if (quantity > available)` block lost its closing brace, so the function body never ends. Adding the brace back makes the module parse.",
      confidence: 0.95,
      changes: [restore("src/inventory.js")],
    },
  },
  {
    scenario: "lint-failure",
    matches: (p) => /no-var/.test(p) && /notify/.test(p),
    fix: {
      summary: "Declare the greeting with const instead of var in src/notify.js.",
      strategy: "The lint step fails on the no-var rule in src/notify.js. The variable is never reassigned, so `const` satisfies the rule without changing behaviour.",
      confidence: 0.97,
      changes: [restore("src/notify.js")],
    },
  },
  {
    scenario: "failing-test",
    matches: (p) => /(AssertionError|ERR_ASSERTION|strictly equal)/.test(p) && /(applyDiscount|pricing)/.test(p),
    fix: {
      summary: "Subtract the discount in applyDiscount instead of charging only the discount.",
      strategy: "test/pricing.test.js expects applyDiscount(10000, 0.2) to be 8000 but gets 2000: the last change multiplies the subtotal by the rate instead of by (1 - rate). Restoring `subtotalCents * (1 - rate)` makes all pricing tests pass.",
      confidence: 0.9,
      changes: [restore("src/pricing.js")],
    },
  },
];

export function findRecordedAnswer(prompt: string): RecordedAnswer | undefined {
  return recordedAnswers.find((a) => a.matches(prompt));
}
