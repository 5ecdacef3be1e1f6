// `npm run dev`: the whole system on one machine with no accounts. Starts PostgreSQL (embedded unless
// DATABASE_URL/POSTGRES_* say otherwise), the local GitHub simulator when no GitHub is configured, and
// `next dev` pointed at them; then wires the demo (monitored repositories with webhooks) and breaks one
// demo repository so a failed run reaches the dashboard. Ctrl+C stops everything.
import { spawn } from "node:child_process";
import path from "node:path";
import { env, InvalidEnvError } from "../server/env";
import { startDatabase, stopDatabase } from "../server/db/start-database";
import { persistentSecret } from "../server/persistent-secret";
import type { GitHubSimulator } from "../tools/github-sim";
import { waitForHealth } from "../tools/wait-for-health";
import { wireDemo } from "./wire-demo";

const PORT = Number(process.argv.find((a) => a.startsWith("--port="))?.slice(7) ?? 3000);
const SIM_PORT = Number(process.argv.find((a) => a.startsWith("--sim-port="))?.slice(11) ?? 3100);

function say(line: string) {
  console.log(`\x1b[36m[infraflow]\x1b[0m ${line}`);
}

async function main() {
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof InvalidEnvError) {
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
  const childEnv: Record<string, string> = { DATABASE_URL: database.url, NEXTAUTH_URL: e.NEXTAUTH_URL ?? `http://localhost:${PORT}` };
  if (!githubConfigured) {
    const { startGitHubSimulator } = await import("../tools/github-sim");
    sim = await startGitHubSimulator({ port: SIM_PORT, dataDir: path.join(dataDir, "github-sim"), autoApproveOAuth: true });
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
    });
    say(`no GitHub configured: local GitHub simulator at ${sim.url} (demo organisation ${seed.organization}, user ${seed.user.login})`);
  }

  const next = spawn("npx", ["next", "dev", "-p", String(PORT)], { env: { ...process.env, ...childEnv }, stdio: "inherit", detached: true });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    try {
      process.kill(-next.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await sim?.stop().catch(() => {});
    await stopDatabase().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  next.on("exit", (code) => void stop(code ?? 0));

  const appUrl = `http://localhost:${PORT}`;
  await waitForHealth(`http://127.0.0.1:${PORT}/api/health`, { child: next });
  if (sim) {
    const demo = await wireDemo({ sim, appUrl: `http://127.0.0.1:${PORT}`, dataDir, webhookSecret: childEnv.WEBHOOK_SECRET!, token: childEnv.GITHUB_TOKEN! });
    say(`demo wired: ${demo.monitored.length} monitored repositories with webhooks`);
    if (demo.broke) say(`broke ${demo.broke} (scenario failing-test): its failed CI run reaches the dashboard in a few seconds`);
  }
  say(`InfraFlow is ready at ${appUrl} — click "Sign in with GitHub"${sim ? " (the simulator signs you in as the demo user)" : ""}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
