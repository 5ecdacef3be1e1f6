// The demo repositories' seeded content: a small Node service whose CI (lint, then `node --test`)
// passes using only node and bash, with a local `file:` package so `npm install` needs no network.
export const templateFiles: Record<string, string> = {
  "package.json": `{
  "name": "demo-service",
  "version": "1.0.0",
  "private": true,
  "description": "A small service used by the InfraFlow demo",
  "scripts": {
    "lint": "node scripts/lint.js",
    "test": "node --test"
  },
  "dependencies": {
    "@demo/format": "file:vendor/format"
  }
}
`,
  "vendor/format/package.json": `{
  "name": "@demo/format",
  "version": "1.0.0",
  "main": "index.js"
}
`,
  "vendor/format/index.js": `"use strict";

function formatAmount(cents) {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return \`\${sign}$\${Math.floor(abs / 100)}.\${String(abs % 100).padStart(2, "0")}\`;
}

module.exports = { formatAmount };
`,
  "src/pricing.js": `"use strict";
const { formatAmount } = require("@demo/format");

function applyDiscount(subtotalCents, rate) {
  if (rate < 0 || rate > 1) throw new RangeError("rate must be between 0 and 1");
  return Math.round(subtotalCents * (1 - rate));
}

function cartTotal(items, discountRate = 0) {
  const subtotal = items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
  return applyDiscount(subtotal, discountRate);
}

function describeTotal(items, discountRate = 0) {
  return \`Total: \${formatAmount(cartTotal(items, discountRate))}\`;
}

module.exports = { applyDiscount, cartTotal, describeTotal };
`,
  "src/inventory.js": `"use strict";

function reserve(stock, sku, quantity) {
  const available = stock[sku] ?? 0;
  if (quantity > available) {
    return { ok: false, reason: \`only \${available} of \${sku} left\` };
  }
  return { ok: true, stock: { ...stock, [sku]: available - quantity } };
}

module.exports = { reserve };
`,
  "src/notify.js": `"use strict";
const { formatAmount } = require("@demo/format");

function receiptMessage(customer, totalCents) {
  const greeting = customer.name ? \`Hi \${customer.name}\` : "Hi there";
  return \`\${greeting}, your order of \${formatAmount(totalCents)} is confirmed.\`;
}

module.exports = { receiptMessage };
`,
  "test/pricing.test.js": `"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { applyDiscount, cartTotal, describeTotal } = require("../src/pricing");

test("applyDiscount takes the rate off the subtotal", () => {
  assert.equal(applyDiscount(10000, 0.2), 8000);
});

test("cartTotal sums quantities and applies the discount", () => {
  const items = [{ priceCents: 1250, quantity: 2 }, { priceCents: 500, quantity: 1 }];
  assert.equal(cartTotal(items, 0.1), 2700);
});

test("describeTotal formats the amount", () => {
  assert.equal(describeTotal([{ priceCents: 999, quantity: 1 }]), "Total: $9.99");
});
`,
  "test/inventory.test.js": `"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { reserve } = require("../src/inventory");

test("reserve takes items out of stock", () => {
  assert.deepEqual(reserve({ A1: 5 }, "A1", 2), { ok: true, stock: { A1: 3 } });
});

test("reserve refuses more than is left", () => {
  assert.equal(reserve({ A1: 1 }, "A1", 2).ok, false);
});
`,
  "test/notify.test.js": `"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { receiptMessage } = require("../src/notify");

test("receiptMessage greets the customer by name", () => {
  assert.equal(receiptMessage({ name: "Ada" }, 4200), "Hi Ada, your order of $42.00 is confirmed.");
});
`,
  "scripts/lint.js": `"use strict";
// A tiny linter with ESLint's rule names and "stylish" output, so CI needs nothing from a registry.
const fs = require("node:fs");
const path = require("node:path");

const rules = [
  { id: "no-var", pattern: /^\\s*var\\s/, message: "Unexpected var, use let or const instead" },
  { id: "eqeqeq", pattern: /[^=!<>]==[^=]/, message: "Expected '===' and instead saw '=='" },
  { id: "no-console", pattern: /\\bconsole\\.log\\(/, message: "Unexpected console statement" },
];

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : entry.name.endsWith(".js") ? [full] : [];
  });
}

let problems = 0;
for (const file of files("src")) {
  const found = [];
  fs.readFileSync(file, "utf8").split("\\n").forEach((line, index) => {
    for (const rule of rules) {
      const match = rule.pattern.exec(line);
      if (match) found.push(\`  \${index + 1}:\${match.index + 1}  error  \${rule.message}  \${rule.id}\`);
    }
  });
  if (found.length > 0) {
    console.log(path.resolve(file));
    console.log(found.join("\\n"));
    console.log("");
    problems += found.length;
  }
}

if (problems > 0) {
  console.log(\`\\u2716 \${problems} problem\${problems === 1 ? "" : "s"} (\${problems} error\${problems === 1 ? "" : "s"}, 0 warnings)\`);
  process.exit(1);
}
console.log("Lint passed: no problems found.");
`,
  ".github/workflows/ci.yml": `name: CI
on:
  push:
  pull_request:
  workflow_dispatch:
jobs:
  build:
    name: build
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install dependencies
        run: npm install --no-audit --no-fund --offline
      - name: Lint
        run: npm run lint
      - name: Test
        run: npm test
`,
};

export function readme(repoName: string, purpose: string): string {
  return `# ${repoName}\n\n${purpose}\n\nPart of the InfraFlow demo organisation on the local GitHub simulator.\n`;
}
