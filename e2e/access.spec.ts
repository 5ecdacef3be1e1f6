// Issue 11: two people signed in at once, each seeing only the repositories GitHub lets them read; a
// repository of the other is a 404; signing out ends the session on the server (a copied cookie stops
// working).
import { expect, test } from "@playwright/test";
import { authorizeAs, base, signedInContext, sim, sql } from "./support";

// Private repositories: a public one is readable by anyone signed in, as on GitHub.
const DEMO_REPO = "infraflow-demo/e2e-dev-private";
const CAROL = "e2e-carol";
const CAROL_REPO = `${CAROL}/carol-service`;

async function admin(path: string, body: unknown) {
  const res = await fetch(`${sim()}/_admin/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
}

async function insertRun(repo: string, runId: number) {
  await sql(
    `INSERT INTO pipeline_events (repo_full_name, branch, commit_sha, workflow_name, status, conclusion, run_id, run_attempt)
     VALUES ($1, 'main', $2, 'CI', 'failure', 'failure', $3, 1) ON CONFLICT DO NOTHING`,
    [repo, "e".repeat(40), runId],
  );
}

test("two users signed in at once each see only their repositories; signing out revokes the session", async ({ browser }) => {
  await admin("users", { login: CAROL });
  await admin("repos", { owner: CAROL, name: "carol-service", private: true });
  await admin("repos", { owner: "infraflow-demo", name: "e2e-dev-private", private: true });
  await insertRun(DEMO_REPO, 9_100_001);
  await insertRun(CAROL_REPO, 9_100_002);

  const dev = await signedInContext(browser, "demo-dev");
  const carol = await signedInContext(browser, CAROL);
  const devPage = dev.pages()[0]!;
  const carolPage = carol.pages()[0]!;

  for (const [page, mine, theirs] of [
    [devPage, DEMO_REPO, CAROL_REPO],
    [carolPage, CAROL_REPO, DEMO_REPO],
  ] as const) {
    await page.goto(`${base()}/`);
    const feed = page.getByTestId("pipeline-feed");
    await expect(feed).toContainText(mine);
    await expect(feed).not.toContainText(theirs);
    // The REST API and the other's repository page say the same.
    const events = await page.request.get(`${base()}/api/dashboard/pipeline-events`);
    const names = ((await events.json()) as { repoFullName: string }[]).map((e) => e.repoFullName);
    expect(names).toContain(mine);
    expect(names).not.toContain(theirs);
    expect((await page.goto(`${base()}/repos/${theirs}`))?.status()).toBe(404);
    expect((await page.request.get(`${base()}/api/dashboard/repos/${theirs}/branches`)).status()).toBe(404);
    expect((await page.goto(`${base()}/repos/${mine}`))?.status()).toBe(200);
  }

  // Signing out ends the session on the server: the cookie copied before stops working.
  const copied = (await carol.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await fetch(`${base()}/api/user/me`, { headers: { cookie: copied } })).status).toBe(200);
  await carolPage.goto(`${base()}/`);
  await carolPage.getByRole("button", { name: "Sign out" }).click();
  await expect(carolPage.getByRole("main").getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  expect((await fetch(`${base()}/api/user/me`, { headers: { cookie: copied } })).status).toBe(401);
  // The other user is unaffected.
  expect((await devPage.goto(`${base()}/repos/${DEMO_REPO}`))?.status()).toBe(200);
  expect((await devPage.request.get(`${base()}/api/user/me`)).status()).toBe(200);

  await dev.close();
  await carol.close();
});

test("a sign-in refused by the allow-list lands on a page that says why", async ({ page, context }) => {
  // The e2e server lets in members of infraflow-demo and e2e-carol / demo-reviewer (e2e/global-setup.ts).
  await admin("users", { login: "e2e-mallory" });
  await authorizeAs(context, "e2e-mallory");
  await page.goto(`${base()}/`);
  await page.getByRole("main").getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByTestId("signin-refused")).toContainText("AUTH_ALLOWED_ORGS");
  await expect(page.getByTestId("signin-refused")).toContainText("e2e-mallory");
  expect(new URL(page.url()).pathname).toBe("/signin/refused");
  // Not signed in: no session was started.
  expect((await page.request.get(`${base()}/api/user/me`)).status()).toBe(401);
});
