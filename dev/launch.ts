// `npm run dev`: the whole system on one machine with no accounts. Starts PostgreSQL (embedded unless
// DATABASE_URL/POSTGRES_* say otherwise), the local GitHub simulator when no GitHub is configured, and
// `next dev` pointed at them (loopback only unless HOST says otherwise, telemetry off); then wires the demo
// (monitored repositories with webhooks) and breaks one demo repository so a failed run reaches the
// dashboard. Ctrl+C stops everything, `next dev` first and completely.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { env, InvalidEnvError } from "../server/env";
import { startDatabase, stopDatabase } from "../server/db/start-database";
import { persistentSecret } from "../server/persistent-secret";
import type { GitHubSimulator } from "../tools/github-sim";
import { waitForHealth } from "../tools/wait-for-health";
import { launchSettings } from "./launch-settings";
import { stopNextDev } from "./stop-next-dev";
import { wireDemo } from "./wire-demo";

function say(line: string) {
  console.log(`\x1b[36m[infraflow]\x1b[0m ${line}`);
}

async function main() {
  let e;
  let s;
  try {
    e = env();
    s = launchSettings(e, process.argv);
  } catch (err) {
    if (err instanceof InvalidEnvError || err instanceof Error) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const database = await startDatabase(e);
  say(database.embedded ? `embedded PostgreSQL ready (data in ${path.join(dataDir, "postgres")})` : "PostgreSQL ready");

  const githubConfigured = Boolean(e.GITHUB_OAUTH_CLIENT_ID || e.GITHUB_TOKEN) || e.GITHUB_URL !== "https://github.com";
  let sim: GitHubSimulator | undefined;
  const childEnv: Record<string, string> = { DATABASE_URL: database.url, ...s.nextEnv };
  if (!githubConfigured) {
    const { startGitHubSimulator } = await import("../tools/github-sim");
    sim = await startGitHubSimulator({ port: s.simPort, dataDir: path.join(dataDir, "github-sim"), autoApproveOAuth: true });
    const seed = await sim.seedDemo();
    Object.assign(childEnv, {
      GITHUB_URL: sim.url,
      GITHUB_OAUTH_CLIENT_ID: seed.oauthApp.clientId,
      GITHUB_OAUTH_CLIENT_SECRET: seed.oauthApp.clientSecret,
      GITHUB_TOKEN: seed.token,
      WEBHOOK_SECRET: e.WEBHOOK_SECRET ?? persistentSecret(dataDir, "webhook-secret"),
      HEALING_DEMO_MODE: "true",
      ANTHROPIC_BASE_URL: sim.anthropicUrl,
      ANTHROPIC_API_KEY: e.ANTHROPIC_API_KEY ?? "demo-mode",
      // The walkthrough (README) breaks the demo twice: one green fix must be enough for the fast path to
      // answer the second time (one success earns 0.38, fix-confidence.ts). Demo only; real setups keep the runbook's defaults.
      KB_MIN_SUCCESS_COUNT: "1",
      KB_MIN_CONFIDENCE: "0.35",
    });
    say(`no GitHub configured: local GitHub simulator at ${sim.url} (demo organisation ${seed.organization}, user ${seed.user.login})`);
  }

  // `next` itself, not through npx: the launcher signals and waits for the very process that runs it.
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const next = spawn(process.execPath, [nextBin, ...s.nextArgs], {
    env: { ...process.env, ...childEnv },
    stdio: "inherit",
    detached: true,
  });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    await stopNextDev(next);
    await sim?.stop().catch(() => {});
    await stopDatabase().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  next.on("exit", (code) => void stop(code ?? 0));

  await waitForHealth(`${s.localUrl}/api/health`, { child: next });
  if (sim) {
    const demo = await wireDemo({ sim, appUrl: s.appUrl, dataDir, token: childEnv.GITHUB_TOKEN! });
    say(`demo wired: ${demo.monitored.length} monitored repositories with webhooks`);
    if (demo.broke) say(`broke ${demo.broke} (scenario failing-test): its failed CI run reaches the dashboard in a few seconds`);
  }
  say(`InfraFlow is ready at ${s.appUrl} — click "Sign in with GitHub"${sim ? " (the simulator signs you in as the demo user)" : ""}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
