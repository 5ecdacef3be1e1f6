// Issue 15: Stop asks before it removes InfraFlow's webhook, and a repository InfraFlow does not know is
// a 404 (page and branches endpoint), not an empty page.
import { expect, test, type Page } from "@playwright/test";
import { base, signIn } from "./support";


async function hooksOf(repo: string): Promise<{ config: { url: string } }[]> {
  const res = await fetch(`${process.env.E2E_SIM_URL}/api/v3/repos/${repo}/hooks`, { headers: { authorization: `token ${process.env.E2E_GITHUB_TOKEN}` } });
  return (await res.json()) as { config: { url: string } }[];
}

test("Stop Monitoring asks for confirmation, then removes the repository's webhook", async ({ page }) => {
  const repo = "infraflow-demo/inventory-service";
  await signIn(page);
  await page.goto(`${base()}/repos`);
  const row = page.getByTestId("available-repos").getByRole("listitem").filter({ hasText: repo });
  await row.getByRole("button", { name: "Monitor" }).click();
  await expect(row.getByRole("button", { name: "Stop Monitoring" })).toBeVisible();
  expect(await hooksOf(repo)).toHaveLength(1);

  await row.getByRole("button", { name: "Stop Monitoring" }).click();
  const dialog = row.getByRole("alertdialog");
  await expect(dialog).toContainText("removes its webhook");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: "Stop Monitoring" })).toBeVisible();
  expect(await hooksOf(repo)).toHaveLength(1);

  await row.getByRole("button", { name: "Stop Monitoring" }).click();
  await row.getByRole("alertdialog").getByRole("button", { name: "Yes, stop" }).click();
  await expect(row.getByRole("button", { name: "Monitor" })).toBeVisible();
  await expect.poll(() => hooksOf(repo)).toEqual([]);
});

test("a repository InfraFlow does not know is not found, page and branches alike", async ({ page }) => {
  await signIn(page);
  const res = await page.goto(`${base()}/repos/nobody/nothing`);
  expect(res?.status()).toBe(404);
  const branches = await page.request.get(`${base()}/api/dashboard/repos/nobody/nothing/branches`);
  expect(branches.status()).toBe(404);
  expect(await branches.json()).toMatchObject({ error: expect.stringContaining("nobody/nothing") });
});
