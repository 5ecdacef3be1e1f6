import { expect, test, type Page } from "@playwright/test";
import { base, signIn } from "./support";


test("a push with a secret and SQL injection shows up live on the Security page, with fix advice, filters, both widths and both themes", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto(`${base()}/repos`);
  const row = page.getByTestId("available-repos").getByRole("listitem").filter({ hasText: "infraflow-demo/user-service" });
  await row.getByRole("button", { name: "Monitor" }).click();
  await expect(page.getByTestId("monitored-repos")).toContainText("infraflow-demo/user-service");

  await page.goto(`${base()}/security`);
  await expect(page.getByRole("heading", { name: "Security", exact: true })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  // The simulator pushes the scenario and delivers the push webhook; the page must update without a reload.
  const pushed = await fetch(`${process.env.E2E_SIM_URL}/_admin/scenarios/secret-and-sql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(pushed.ok).toBe(true);
  const findings = page.getByTestId("security-finding");
  await expect(findings).toHaveCount(4, { timeout: 60_000 });

  const sql = findings.filter({ hasText: "SQL INJECTION" });
  await expect(sql).toContainText("src/reporting-db.js:8");
  await expect(sql).toContainText("CWE-89");
  await expect(sql).toContainText("infraflow-demo/user-service");
  await sql.getByText("How to fix").focus();
  await page.keyboard.press("Enter");
  await expect(sql.getByTestId("fix-advice")).toContainText("parameterised query");

  const secrets = findings.filter({ hasText: "HARDCODED SECRET" });
  await expect(secrets).toHaveCount(3);
  await expect(secrets.first()).toContainText("AKIA****");
  await expect(page.locator("body")).not.toContainText("Sup3rS3cret");
  await expect(page.locator("body")).not.toContainText("AKIAIOSFODNN7EXAMPLE");

  // Labelled, keyboard-usable filters, reflected in the URL.
  await page.getByLabel("Severity").selectOption("LOW");
  await expect(page.getByText("No findings match these filters")).toBeVisible();
  await expect(page).toHaveURL(/severity=LOW/);
  await page.getByLabel("Severity").selectOption("");
  await page.getByLabel("Repository").selectOption("infraflow-demo/user-service");
  await page.getByLabel("Branch").selectOption("main");
  await expect(findings).toHaveCount(4);
  // Stats follow the repository filter (other specs may have scanned other repositories).
  await expect(page.getByTestId("stat-High")).toHaveText("4");
  await expect(page.getByTestId("stat-Scanned commits")).toHaveText("1");

  await page.screenshot({ path: testInfo.outputPath("security-1280-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  const panel = page.getByRole("region", { name: /Findings/ });
  await expect.poll(() => panel.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(255, 255, 255)");
  await page.screenshot({ path: testInfo.outputPath("security-1280-dark.png"), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(findings.first()).toBeVisible();
  const overflow = await page.getByTestId("security-findings").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("security-390-dark.png"), fullPage: true });
});
