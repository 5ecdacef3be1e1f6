// The demo's ways to break CI. Each scenario belongs to one demo repository and changes whole files
// of the seeded template, so the recorded fix (the template's file) is known to make CI pass again.
import { templateFiles } from "./template-files";

export interface Scenario {
  name: string;
  repository: string;
  description: string;
  commitMessage: string;
  files: Record<string, string | null>;
  /** Whether CI fails on the breaking commit (the security scenario passes CI on purpose). */
  failsCi: boolean;
}

const file = (path: string) => templateFiles[path]!;

export const scenarios: Scenario[] = [
  {
    name: "failing-test",
    repository: "payments-api",
    description: "A discount change makes a `node --test` unit test fail.",
    commitMessage: "Apply discount rate directly to the subtotal",
    files: { "src/pricing.js": file("src/pricing.js").replace("subtotalCents * (1 - rate)", "subtotalCents * rate") },
    failsCi: true,
  },
  {
    name: "syntax-error",
    repository: "inventory-service",
    description: "A missing closing brace makes the module fail to load.",
    commitMessage: "Explain why a reservation was refused",
    files: { "src/inventory.js": file("src/inventory.js").replace("    return { ok: false, reason: `only ${available} of ${sku} left` };\n  }\n", "    return { ok: false, reason: `only ${available} of ${sku} left` };\n\n") },
    failsCi: true,
  },
  {
    name: "lint-failure",
    repository: "notification-worker",
    description: "A `var` declaration breaks the lint step (no-var).",
    commitMessage: "Simplify the receipt greeting",
    files: { "src/notify.js": file("src/notify.js").replace("  const greeting =", "  var greeting =") },
    failsCi: true,
  },
  {
    name: "missing-dependency",
    repository: "billing-cli",
    description: "The local @demo/format package is dropped from package.json, so `Cannot find module` appears.",
    commitMessage: "Remove unused dependencies",
    files: { "package.json": file("package.json").replace(',\n  "dependencies": {\n    "@demo/format": "file:vendor/format"\n  }', "") },
    failsCi: true,
  },
  {
    name: "secret-and-sql",
    repository: "user-service",
    description: "A push with a hardcoded AWS key and a SQL query built by string concatenation (CI passes).",
    commitMessage: "Add reporting database helper",
    files: {
      "src/reporting-db.js": `"use strict";
// Connection settings for the reporting database.
const AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const DB_PASSWORD = "Sup3rS3cret!2024";

function findUserByEmail(db, email) {
  return db.query("SELECT * FROM users WHERE email = '" + email + "'");
}

module.exports = { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, DB_PASSWORD, findUserByEmail };
`,
    },
    failsCi: false,
  },
];

export const demoRepositories = [
  { name: "payments-api", purpose: "Prices carts and applies discounts." },
  { name: "inventory-service", purpose: "Reserves stock for orders." },
  { name: "notification-worker", purpose: "Sends order receipts." },
  { name: "billing-cli", purpose: "Formats invoices from the command line." },
  { name: "user-service", purpose: "Looks up customers for reports." },
];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((s) => s.name === name);
}
