// Starts the system under test: embedded PostgreSQL, the GitHub simulator (as a GitHub Enterprise
// Server with auto-approving OAuth) and `next start` (built by `npm run build` beforehand).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { applyMigrations } from "../server/db/migrate";
import { startGitHubSimulator } from "../tools/github-sim";
import { freePort } from "../test/global-setup";
import { waitForHealth } from "../tools/wait-for-health";

export default async function globalSetup() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` before the browser tests");
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-e2e-"));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  await applyMigrations(postgres.url);
  const sim = await startGitHubSimulator({ dataDir: path.join(dataDir, "github-sim"), autoApproveOAuth: true });
  const seed = await sim.seedDemo();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const webhookSecret = "e2e-webhook-secret";
  const app = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: postgres.url,
      GITHUB_URL: sim.url,
      GITHUB_OAUTH_CLIENT_ID: seed.oauthApp.clientId,
      GITHUB_OAUTH_CLIENT_SECRET: seed.oauthApp.clientSecret,
      GITHUB_TOKEN: seed.token,
      WEBHOOK_SECRET: webhookSecret,
      NEXTAUTH_SECRET: "e2e-session-secret",
      TOKEN_ENCRYPTION_KEY: "ZTJlLXRva2VuLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
      // Sign-in allow-lists on, as a real deployment would have them (e2e/access.spec.ts is refused as an outsider).
      AUTH_ALLOWED_ORGS: "infraflow-demo",
      AUTH_ALLOWED_USERS: "e2e-carol,demo-reviewer",
      NEXTAUTH_URL: baseUrl,
      APP_URL: baseUrl,
      HEALING_DEMO_MODE: "true",
      ANTHROPIC_BASE_URL: sim.anthropicUrl,
      ANTHROPIC_API_KEY: "demo-mode",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForHealth(`${baseUrl}/api/health`, { child: app, timeoutMs: 60_000 });
  Object.assign(process.env, { E2E_BASE_URL: baseUrl, E2E_SIM_URL: sim.url, E2E_DATABASE_URL: postgres.url, E2E_GITHUB_TOKEN: seed.token, E2E_WEBHOOK_SECRET: webhookSecret });

  return async () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // already stopped
    }
    await sim.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
