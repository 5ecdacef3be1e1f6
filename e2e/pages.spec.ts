// Issue 13: every dashboard page with real data (seeded through SQL, as the healing loop would write it),
// live updates, the review page's decisions through the real healing loop on the simulator, accessibility (axe: no serious or critical violation), no
// horizontal overflow at 1280 and 390 px, light and dark. Screenshots of each page at both widths are kept
// as test artifacts; with E2E_DOCS_SCREENSHOTS=1 the overview's and the review page's go to docs/.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { base, signedInContext, signIn, sql } from "./support";

const REPO = "infraflow-demo/billing-cli";
const SHA = "b".repeat(40);

const plan = {
  summary: "Format amounts with two decimals",
  strategy: "Use toFixed(2) when formatting invoice totals",
  rootCause: "formatAmount() printed 12.5 instead of 12.50, so the invoice snapshot test failed",
  explanation: "The formatter now pads cents; the snapshot expects two decimals.",
  confidence: 0.78,
  proposedConfidence: 0.85,
  changes: [
    {
      path: "src/format.js",
      action: "modify",
      originalContent: '"use strict";\n\nfunction formatAmount(value) {\n  return String(value);\n}\n\nmodule.exports = { formatAmount };\n',
      content: '"use strict";\n\nfunction formatAmount(value) {\n  return value.toFixed(2);\n}\n\nmodule.exports = { formatAmount };\n',
    },
    {
      path: "test/format.test.js",
      action: "modify",
      originalContent: 'test("formats cents", () => {\n  expect(formatAmount(12.5)).toBe("12.50");\n});\n',
      content: 'test("formats cents", () => {\n  expect(formatAmount(12.5)).toBe("12.50");\n  expect(formatAmount(3)).toBe("3.00");\n});\n',
    },
  ],
};

// The cheap path to green: the guardrails block it, so the healing loop ends its attempt FAILED with the
// finding stored (server/healing/store-proposal.ts); only a re-code can follow.
const blockedPlan = {
  ...plan,
  changes: [
    plan.changes[0]!,
    { ...plan.changes[1]!, content: 'test.skip("formats cents", () => {\n  expect(formatAmount(12.5)).toBe("12.50");\n});\n' },
  ],
};
const BLOCKED_FINDING = { rule: "test-skipped", path: "test/format.test.js", line: 1, side: "new", message: "The fix skips the failing test instead of fixing the code it tests." };

/** What the healing loop and the knowledge base would have written: runs, sessions, audit log, a KB fix. */
async function seed(): Promise<{ pendingId: string; healedId: string; blockedId: string }> {
  await cleanup();
  const day = (d: number, h = 0) => new Date(Date.now() - d * 86_400_000 + h * 3_600_000);
  const runs: { id: string }[] = [];
  for (let i = 0; i < 6; i++) {
    const type = ["TEST_FAILURE", "TEST_FAILURE", "BUILD_COMPILE", "DEPENDENCY_RESOLUTION", "LINT", "TEST_FAILURE"][i];
    runs.push(...(await sql<{ id: string }>(
      `INSERT INTO pipeline_events (repo_full_name, branch, commit_sha, workflow_name, status, conclusion, run_id, run_url, failure_type, created_at, updated_at)
       VALUES ($1, $2, $3, 'CI', 'failure', 'failure', $4, $5, $6, $7, $7) RETURNING id::text`,
      [REPO, i % 2 ? "feature/cents" : "main", SHA, 990_000 + i, `${process.env.E2E_SIM_URL}/${REPO}/actions/runs/${990_000 + i}`, type, day(6 - i)],
    )));
  }
  await sql(`INSERT INTO pipeline_events (repo_full_name, branch, commit_sha, workflow_name, status, conclusion, run_id, created_at, updated_at) VALUES ($1, 'main', $2, 'CI', 'success', 'success', 990100, $3, $3)`, [REPO, SHA, day(0, -1)]);
  const fixId = randomUUID();
  const patternId = randomUUID();
  await sql(`INSERT INTO kb_failure_patterns (id, failure_type, signature, signature_text, hit_count) VALUES ($1, 'TEST_FAILURE', $2, $3, 4)`, [patternId, KB_SIGNATURE, "TEST_FAILURE\nexpected <amount> to be <amount>"]);
  await sql(
    `INSERT INTO kb_fixes (id, strategy, file_diffs, content_hash, confidence, success_count, failure_count, applied_count) VALUES ($1, $2, $3, $4, 0.8, 4, 1, 5)`,
    [fixId, "Pad cents with toFixed(2)", JSON.stringify([{ path: "src/format.js", content: "…" }]), KB_HASH],
  );
  await sql(`INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight) VALUES ($1, $2, 1)`, [patternId, fixId]);
  const [pending] = await sql<{ id: string }>(
    `INSERT INTO healing_sessions (pipeline_event_id, repo_full_name, branch, commit_sha, failure_type, status, confidence_score, source, error_excerpt, fix_plan,
       guardrail_findings, needs_review, llm_model, llm_input_tokens, llm_output_tokens, llm_cache_read_tokens, llm_cost_usd, created_at, updated_at)
     VALUES ($1, $2, 'main', $3, 'TEST_FAILURE', 'PENDING_APPROVAL', 0.78, 'LLM', $4, $5, $6, true, 'claude-sonnet-4-5', 18234, 912, 4096, 0.0684, $7, $7) RETURNING id::text`,
    [
      runs[5]!.id, REPO, SHA,
      "> node --test\n▶ formatAmount\n  ✖ formats cents (1.2ms)\n    AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n    '12.5' !== '12.50'\n✖ 1 failing test",
      JSON.stringify(plan),
      JSON.stringify([]),
      day(0, -2),
    ],
  );
  const [blocked] = await sql<{ id: string }>(
    `INSERT INTO healing_sessions (pipeline_event_id, repo_full_name, branch, commit_sha, failure_type, status, confidence_score, source, error_excerpt, fix_plan,
       guardrail_findings, failure_reason, created_at, updated_at)
     VALUES ($1, $2, 'feature/cents', $3, 'TEST_FAILURE', 'FAILED', 0.7, 'LLM', $4, $5, $6, $7, $8, $8) RETURNING id::text`,
    [
      runs[4]!.id, REPO, SHA, "✖ formats cents (1.2ms)", JSON.stringify(blockedPlan), JSON.stringify([BLOCKED_FINDING]),
      `Blocked by the guardrails: test-skipped at test/format.test.js:1: ${BLOCKED_FINDING.message}`, day(1),
    ],
  );
  await sql(`INSERT INTO fix_audit_log (session_id, actor, action, details, created_at) VALUES ($1, 'SYSTEM', 'FIX_BLOCKED', $2, $3)`, [
    blocked!.id, `The generated fix was blocked: test-skipped at test/format.test.js:1`, day(1),
  ]);
  const [healed] = await sql<{ id: string }>(
    `INSERT INTO healing_sessions (pipeline_event_id, repo_full_name, branch, commit_sha, failure_type, status, outcome, confidence_score, source, kb_fix_id, fix_plan,
       fix_branch, pull_request_number, pull_request_url, decided_by, mttr_seconds, verified_at, created_at, updated_at, signature)
     VALUES ($1, $2, 'main', $3, 'TEST_FAILURE', 'APPLIED', 'SUCCEEDED', 0.8, 'KNOWLEDGE_BASE', $4, $5, 'auto-fix/healed', 7, $6, 'demo-dev', 1260, $7, $8, $7, $9) RETURNING id::text`,
    [runs[0]!.id, REPO, SHA, fixId, JSON.stringify({ ...plan, changes: [plan.changes[0]] }), `${process.env.E2E_SIM_URL}/${REPO}/pull/7`, day(5, 1), day(6), KB_SIGNATURE],
  );
  await sql(
    `INSERT INTO healing_sessions (repo_full_name, branch, commit_sha, failure_type, status, outcome, source, llm_cost_usd, mttr_seconds, verified_at, created_at)
     VALUES ($1, 'feature/cents', $2, 'BUILD_COMPILE', 'APPLIED', 'SUCCEEDED', 'LLM', 0.052, 2400, $3, $4)`,
    [REPO, SHA, day(3, 2), day(4)],
  );
  for (const [actor, action, details, at] of [
    ["SYSTEM", "SESSION_OPENED", "Attempt 1 for TEST_FAILURE in job test", day(0, -2)],
    ["LLM", "FIX_GENERATED", "2 files changed; confidence 78%", day(0, -2)],
    ["SYSTEM", "FAILURE_REPEATED", "The same failure again on a re-run: joined this session", day(0, -1)],
  ] as const) {
    await sql(`INSERT INTO fix_audit_log (session_id, actor, action, details, created_at) VALUES ($1, $2, $3, $4, $5)`, [pending!.id, actor, action, details, at]);
  }
  await sql(`INSERT INTO fix_audit_log (session_id, actor, action, details) VALUES ($1, 'KNOWLEDGE_BASE', 'FIX_REPLAYED', 'Pad cents with toFixed(2)')`, [healed!.id]);
  await sql(
    `INSERT INTO security_scan_results (repo_full_name, commit_sha, branch, severity, vulnerability_type, file_path, line_number, description, rule_id, fix_advice, scanner, finding_key)
     VALUES ($1, $2, 'main', 'HIGH', 'COMMAND_INJECTION', 'src/export.js', 12, 'User input reaches child_process.exec', 'cmd-injection', 'Pass arguments as an array to execFile.', 'taint', 'seed-1')`,
    [REPO, SHA],
  );
  await sql(`INSERT INTO security_scans (repo_full_name, commit_sha, branch, files_scanned, finding_count) VALUES ($1, $2, 'main', 9, 1)`, [REPO, SHA]);
  return { pendingId: pending!.id, healedId: healed!.id, blockedId: blocked!.id };
}

const KB_SIGNATURE = "e".repeat(64);
const KB_HASH = "c".repeat(64);

/** The specs share one database: what this one seeded goes again, so other specs' counts hold. */
async function cleanup() {
  await sql("DELETE FROM healing_sessions WHERE repo_full_name = $1", [REPO]);
  await sql("DELETE FROM pipeline_events WHERE repo_full_name = $1", [REPO]);
  await sql("DELETE FROM security_scan_results WHERE repo_full_name = $1", [REPO]);
  await sql("DELETE FROM security_scans WHERE repo_full_name = $1", [REPO]);
  await sql("DELETE FROM kb_failure_patterns WHERE signature = $1", [KB_SIGNATURE]);
  await sql("DELETE FROM kb_fixes WHERE content_hash = $1", [KB_HASH]);
}

test.afterAll(cleanup);

async function checkPage(page: Page, testInfo: TestInfo, name: string, docs = false) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), `${name} (${scheme})`).toEqual([]);
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px overflows horizontally`).toBeLessThanOrEqual(0);
      const file = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (docs && process.env.E2E_DOCS_SCREENSHOTS === "1" && scheme === "light") {
        await mkdir("docs/screenshots", { recursive: true });
        await copyFile(file, `docs/screenshots/${name}-${width}.png`);
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("every dashboard page shows real data, live, accessible, at 1280 and 390 px, light and dark", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const { pendingId, healedId, blockedId } = await seed();
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Overview: §6 stats, charts aggregated in SQL, the decision list.
  await page.goto(`${base()}/`);
  await expect(page.getByTestId("stat-Pending approval")).not.toHaveText("0");
  await expect(page.getByTestId("stat-Knowledge-base hit rate")).toHaveText(/^\d+%$/);
  await expect(page.getByTestId("stat-LLM cost saved")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByTestId("chart-failures-heals").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-mttr").locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByTestId("chart-failure-types")).toContainText("test failure");
  await expect(page.getByTestId("needs-decision").getByRole("link", { name: `Session ${pendingId}` })).toBeVisible();
  await checkPage(page, testInfo, "overview", true);

  // The review page.
  await page.goto(`${base()}/healing/${pendingId}`);
  const review = page.getByTestId("session-review");
  await expect(review.getByTestId("fix-explanation")).toContainText("printed 12.5 instead of 12.50");
  await expect(page.getByTestId("diff-file")).toHaveCount(2);
  await expect(page.locator(".diff-code-insert .shiki-token").first()).toBeVisible();
  await expect(page.getByTestId("guardrail-finding")).toHaveCount(0);
  await expect(page.locator("[data-error-line]")).toHaveCount(3); // ✖ formats cents, AssertionError, ✖ 1 failing test
  await expect(page.getByTestId("llm-usage")).toContainText("18,234");
  await expect(page.getByTestId("llm-usage")).toContainText("$0.0684");
  await expect(page.getByTestId("confidence")).toContainText("78%");
  await expect(page.getByTestId("audit-log").getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("link", { name: /Failed run/ })).toHaveAttribute("href", /actions\/runs\/990005$/);
  await page.getByRole("button", { name: "split" }).click();
  await expect(page.locator("table.diff-split").first()).toBeVisible();
  const first = page.getByTestId("diff-file").first().getByRole("button", { name: /src\/format\.js/ });
  await first.click();
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await first.press("Enter");
  await expect(first).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "unified" }).click();
  await checkPage(page, testInfo, "review", true);

  // Reject asks for a reason in a dialog, calls the server action, reports it in a toast and the page follows.
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Reject this fix" });
  await dialog.getByLabel("Why is the fix wrong?").fill("Pad in the formatter, not in every caller");
  await dialog.getByRole("button", { name: "Reject fix" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Fix rejected" })).toBeVisible();
  await expect(page.getByTestId("session-review")).toHaveAttribute("data-status", "REJECTED");
  await expect(page.getByText("Decided by demo-dev: “Pad in the formatter, not in every caller”")).toBeVisible();
  await expect(page.getByTestId("decision-bar")).toHaveCount(0);

  // A fix the guardrails blocked: the finding under its line, the reason, and no way to approve it.
  await page.goto(`${base()}/healing/${blockedId}`);
  await expect(page.getByTestId("session-review")).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("guardrail-finding")).toContainText("skips the failing test");
  await expect(page.getByText(/Blocked by the guardrails/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await checkPage(page, testInfo, "review-blocked", true);

  // A replayed fix: its earned rate, links to the fix branch and the pull request.
  await page.goto(`${base()}/healing/${healedId}`);
  await expect(page.getByTestId("confidence")).toContainText("Knowledge base");
  await expect(page.getByTestId("confidence")).toContainText("4 green CI runs of 5 decided (80%)");
  await expect(page.getByRole("link", { name: "Pull request #7" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Fix branch auto-fix\/healed/ })).toHaveAttribute("href", /tree\/auto-fix\/healed$/);

  // The list: filters and paging in the URL.
  await page.goto(`${base()}/healing`);
  await expect(page.getByTestId("sessions-table").getByRole("link", { name: `Session ${pendingId}` })).toBeVisible();
  await page.getByLabel("Source").selectOption("KNOWLEDGE_BASE");
  await expect(page).toHaveURL(/source=KNOWLEDGE_BASE/);
  await expect(page.getByTestId("sessions-table").getByRole("link", { name: `Session ${healedId}` })).toBeVisible();
  await expect(page.getByTestId("sessions-table").getByRole("link", { name: `Session ${pendingId}` })).toHaveCount(0);
  await page.getByLabel("Failure type").selectOption("LINT");
  await expect(page).toHaveURL(/failureType=LINT/);
  await expect(page.getByText("No sessions match these filters")).toBeVisible();
  await page.goto(`${base()}/healing?repo=${encodeURIComponent(REPO)}`);
  await expect(page.getByLabel("Repository")).toHaveValue(REPO);
  await checkPage(page, testInfo, "healing");

  // Repositories and one repository's page: branch selector, history, failure types.
  await page.goto(`${base()}/repos`);
  await expect(page.getByTestId("available-repos")).toContainText(REPO);
  await checkPage(page, testInfo, "repos");
  await page.goto(`${base()}/repos/${REPO}`);
  await expect(page.getByTestId("chart-failure-types")).toContainText("build compile");
  await page.getByLabel("Branch").selectOption("feature/cents");
  await expect(page).toHaveURL(/branch=feature%2Fcents/);
  await expect(page.getByTestId("pipeline-feed").getByRole("listitem")).toHaveCount(3);
  await checkPage(page, testInfo, "repo");

  await page.goto(`${base()}/security?repo=${encodeURIComponent(REPO)}`);
  await expect(page.getByTestId("security-finding")).toContainText("Pass arguments as an array");
  await checkPage(page, testInfo, "security");

  await page.goto(`${base()}/knowledge`);
  await expect(page.getByTestId("kb-patterns")).toContainText("TEST_FAILURE");
  await page.getByTestId("kb-patterns").getByRole("button").first().click();
  await expect(page.getByTestId("kb-fixes")).toContainText("4/5 green (80%)");
  await expect(page.getByTestId("kb-outcomes").getByRole("link", { name: `#${healedId}` })).toBeVisible();
  await checkPage(page, testInfo, "knowledge");
});

async function sim<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${process.env.E2E_SIM_URL}/api/v3${path}`, { headers: { authorization: `token ${process.env.E2E_GITHUB_TOKEN}` } });
  return { status: res.status, body: (await res.json()) as T };
}

test("a new failure appears live in the feed, its session in the decision list and on the sessions list; re-code and approve change the session and the simulator", async ({ page }) => {
  test.setTimeout(300_000);
  const repo = "infraflow-demo/notification-worker";
  await signIn(page);
  await page.goto(`${base()}/repos`);
  const row = page.getByTestId("available-repos").getByRole("listitem").filter({ hasText: repo });
  await row.getByRole("button", { name: "Monitor" }).click();
  await expect(page.getByTestId("monitored-repos")).toContainText(repo);
  // A second tab on the sessions list, open before the failure: its session must appear there live too.
  const list = await page.context().newPage();
  await list.goto(`${base()}/healing?repo=${encodeURIComponent(repo)}`);
  await expect(list.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await list.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.goto(`${base()}/`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const broke = await fetch(`${process.env.E2E_SIM_URL}/_admin/scenarios/lint-failure`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(broke.ok).toBe(true);

  // Without a reload: the failed run in the feed, then its session among those waiting for a decision.
  const entry = page.getByTestId("pipeline-feed").getByRole("listitem").filter({ hasText: repo }).first();
  await expect(entry).toContainText("failure", { timeout: 60_000 });
  const waiting = page.getByTestId("needs-decision").getByRole("row").filter({ hasText: repo });
  await expect(waiting).toHaveCount(1, { timeout: 120_000 });
  const firstId = (await waiting.getByRole("link").textContent())!.trim();
  await expect(list.getByTestId("sessions-table").getByRole("link", { name: `Session ${firstId}` })).toBeVisible();
  expect(await list.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await list.close();

  // Re-code with feedback: the session is closed and a second attempt starts with the feedback.
  await page.goto(`${base()}/healing/${firstId}`);
  await expect(page.getByTestId("session-review")).toHaveAttribute("data-status", "PENDING_APPROVAL");
  await expect(page.getByTestId("diff-file").first()).toBeVisible();
  await page.getByRole("button", { name: "Re-code" }).click();
  const dialog = page.getByRole("dialog", { name: "Re-code with feedback" });
  await dialog.getByLabel("What should the next attempt do differently?").fill("Keep the lint rule; fix the code instead");
  await dialog.getByRole("button", { name: "Re-code" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Re-code requested" })).toBeVisible();
  await expect(page.getByTestId("session-review")).toHaveAttribute("data-status", "REJECTED");

  const secondAttempt = async () => {
    const res = await page.request.get(`${base()}/api/healing/sessions?repo=${encodeURIComponent(repo)}`);
    const list = (await res.json()) as { id: string; status: string; attemptNumber: number }[];
    return list.find((x) => x.attemptNumber === 2 && x.status === "PENDING_APPROVAL")?.id;
  };
  await expect.poll(secondAttempt, { timeout: 120_000 }).not.toBeUndefined();
  const secondId = (await secondAttempt())!;

  // Approve the second attempt: committed to a fix branch with a pull request on the simulator, shown live.
  await page.goto(`${base()}/healing/${secondId}`);
  await expect(page.getByTestId("fix-explanation")).toContainText("Keep the lint rule");
  await expect(page.getByRole("link", { name: `#${firstId}` })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Fix approved" })).toBeVisible();
  await expect(page.getByTestId("session-review")).toHaveAttribute("data-status", "APPLIED", { timeout: 120_000 });
  const prLink = page.getByRole("link", { name: /^Pull request #\d+$/ });
  await expect(prLink).toBeVisible();
  const prNumber = Number((await prLink.textContent())!.replace(/\D/g, ""));
  const branchLink = page.getByRole("link", { name: /^Fix branch / });
  const fixBranch = (await branchLink.textContent())!.replace(/^Fix branch /, "");
  expect((await sim(`/repos/${repo}/branches/${fixBranch}`)).status).toBe(200);
  const pr = await sim<{ head: { ref: string }; state: string }>(`/repos/${repo}/pulls/${prNumber}`);
  expect(pr).toMatchObject({ status: 200, body: { head: { ref: fixBranch }, state: "open" } });
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("a user without push access sees the decision buttons disabled with the reason, and a direct server-action call is refused", async ({ browser }) => {
  // The simulator's demo-reviewer may pull payments-api but not push to it (tools/github-sim seed).
  const reviewer = "demo-reviewer";
  const repo = "infraflow-demo/payments-api";
  const [session] = await sql<{ id: string }>(
    `INSERT INTO healing_sessions (repo_full_name, branch, commit_sha, failure_type, status, confidence_score, source, fix_plan)
     VALUES ($1, 'main', $2, 'TEST_FAILURE', 'PENDING_APPROVAL', 0.7, 'LLM', $3) RETURNING id::text`,
    [repo, SHA, JSON.stringify(plan)],
  );
  const context = await signedInContext(browser, reviewer);
  try {
    const page = context.pages()[0]!;
    await page.goto(`${base()}/healing/${session!.id}`);
    const approve = page.getByRole("button", { name: "Approve" });
    await expect(approve).toBeDisabled();
    await expect(page.getByRole("button", { name: "Reject" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Re-code" })).toBeDisabled();
    await expect(approve).toHaveAccessibleDescription(`You need push access to ${repo} to approve, reject or re-code its fixes.`);

    // The server action itself, called directly (as a crafted request would): refused, nothing changes.
    const manifest = JSON.parse(await readFile(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
    const actionId = Object.entries(manifest.node).find(([, a]) => a.filename === "app/healing/actions.ts" && a.exportedName === "approveSessionAction")![0];
    const res = await page.request.post(`${base()}/healing/${session!.id}`, {
      headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([session!.id]),
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/"ok":false,"error":\{"code":"FORBIDDEN"/);
    const [after] = await sql<{ status: string; decided_by: string | null }>("SELECT status, decided_by FROM healing_sessions WHERE id = $1", [session!.id]);
    expect(after).toEqual({ status: "PENDING_APPROVAL", decided_by: null });
  } finally {
    await context.close();
    await sql("DELETE FROM healing_sessions WHERE id = $1", [session!.id]);
  }
});
