import { expect, test, type Page } from "@playwright/test";
import { base, signIn, sql } from "./support";


test("signs in through the local OAuth server standing in for GitHub and sees every page", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-Pipelines")).toHaveText(/^\d+$/);
  const [user] = await sql<{ login: string; email: string }>("SELECT login, email FROM users WHERE login = $1", ["demo-dev"]); // access.spec signs in others first
  expect(user).toMatchObject({ login: "demo-dev", email: expect.stringContaining("@") });

  await page.getByRole("link", { name: "Healing Sessions" }).click();
  await expect(page.getByRole("heading", { name: "Healing Sessions" })).toBeVisible();
  // Next 16 keeps the previous route (the dashboard, with its own healing card) in the DOM, hidden.
  await expect(page.getByText("No healing sessions yet").filter({ visible: true })).toHaveCount(1);

  await page.getByRole("link", { name: "Repositories" }).click();
  await expect(page.getByRole("heading", { name: "Monitored Repositories" })).toBeVisible();
  await expect(page.getByTestId("available-repos")).toContainText("infraflow-demo/payments-api");

  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", exact: true })).toBeVisible();
  await expect(page.getByText("No findings")).toBeVisible();

  await page.getByRole("link", { name: "Knowledge Base" }).click();
  await expect(page.getByRole("heading", { name: "Knowledge Base", exact: true })).toBeVisible();
});

test("monitors a repository and sees its failed run arrive live, classified", async ({ page }) => {
  await signIn(page);
  await page.goto(`${base()}/repos`);
  const row = page.getByTestId("available-repos").getByRole("listitem").filter({ hasText: "infraflow-demo/payments-api" });
  await row.getByRole("button", { name: "Monitor" }).click();
  await expect(page.getByTestId("monitored-repos")).toContainText("infraflow-demo/payments-api");
  await expect(page.getByTestId("monitored-repos")).toContainText("webhook installed");
  await expect(row.getByRole("button", { name: "Stop Monitoring" })).toBeVisible();

  await page.goto(`${base()}/`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const feed = page.getByTestId("pipeline-feed").or(page.getByText("No pipeline runs yet"));
  await expect(feed).toBeVisible();

  // Break the repository on the simulator: its CI fails and the webhook reaches InfraFlow, which pushes a
  // live update; the page must show it without a reload.
  const broke = await fetch(`${process.env.E2E_SIM_URL}/_admin/scenarios/failing-test`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(broke.ok).toBe(true);
  const entry = page.getByTestId("pipeline-feed").getByRole("listitem").filter({ hasText: "infraflow-demo/payments-api" }).first();
  await expect(entry).toContainText("failure", { timeout: 60_000 });
  await expect(entry).toContainText("TEST_FAILURE", { timeout: 60_000 });
});
