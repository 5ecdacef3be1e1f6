import { defineConfig } from "@playwright/test";

// Browser tests against a real `next start`, a real (embedded) PostgreSQL and the local GitHub simulator,
// all started by e2e/global-setup.ts on loopback ports. Debian's Chromium: Playwright cannot download
// its own browser on machines without internet.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
});
