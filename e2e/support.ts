// What the browser specs share: where global-setup started things, signing in through the simulator's
// OAuth server, and SQL against the test database (to seed or read what a page cannot show).
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

/** The app under test (`next start`, started by e2e/global-setup.ts). */
export const base = () => process.env.E2E_BASE_URL!;
/** The local GitHub simulator. */
export const sim = () => process.env.E2E_SIM_URL!;

/** Sign in with GitHub: next-auth → the simulator's /login/oauth/authorize (auto-approved) → our callback → back home. */
export async function signIn(page: Page, opts: { url?: string; login?: string } = {}): Promise<void> {
  await page.goto(`${opts.url ?? base()}/`);
  await expect(page.getByRole("heading", { name: "Sign in to InfraFlow" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(opts.login ?? "demo-dev");
}

/** One query on the test database, on its own connection. */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Makes the simulator's OAuth server sign this context in as `login` (it signs in whoever the authorize URL names). */
export async function authorizeAs(context: BrowserContext, login: string): Promise<void> {
  await context.route(`${sim()}/login/oauth/authorize**`, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("login", login);
    return route.continue({ url: url.toString() });
  });
}

/** A browser context of its own, signed in as `login`. */
export async function signedInContext(browser: Browser, login: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await authorizeAs(context, login);
  await signIn(await context.newPage(), { login });
  return context;
}
