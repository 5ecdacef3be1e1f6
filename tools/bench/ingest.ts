// npm run bench:ingest — webhook ingestion throughput on loopback.
// InfraFlow (`next start`, embedded PostgreSQL) vs a baseline measured in the same run: a bare node:http
// server that only verifies the signature and parses the JSON. Every delivery is a distinct workflow_run
// (its own delivery id and run id) of a monitored repository, signed with its hook's own secret and naming
// that hook in X-GitHub-Hook-ID as GitHub does, so afterwards rows must equal accepted deliveries.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres";
import { applyMigrations } from "../../server/db/migrate";
import { signPayload, verifySignature } from "../../server/webhooks/verify-signature";
import { sealWebhookSecret } from "../../server/webhooks/webhook-secret";
import { freePort } from "../../test/global-setup";
import { waitForHealth } from "../wait-for-health";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SECRET = "bench-secret";
const HOOK_ID = "7001";

let runSeq = 5_000_000_000;
function delivery() {
  const runId = runSeq++;
  const body = JSON.stringify({
    action: "completed",
    workflow_run: {
      id: runId, name: "CI", head_branch: "main", head_sha: "0123456789abcdef0123456789abcdef01234567", status: "completed",
      conclusion: "success", run_attempt: 1, html_url: `https://github.com/bench/app/actions/runs/${runId}`, event: "push",
      updated_at: new Date().toISOString(),
    },
    repository: { id: 1, full_name: "bench/app", name: "app", owner: { login: "bench" } },
    sender: { login: "bench" },
  });
  return {
    runId: String(runId),
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "workflow_run",
      "x-github-delivery": randomUUID(),
      "x-github-hook-id": HOOK_ID,
      "x-hub-signature-256": signPayload(SECRET, body),
    },
  };
}

/** Signed deliveries prepared before the clock starts, so the load generator spends no CPU signing. */
function prepare(count: number) {
  return Array.from({ length: count }, delivery);
}

async function load(url: string, pool: ReturnType<typeof prepare>) {
  let next = 0;
  const accepted: { deliveryId: string; runId: string }[] = [];
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: "POST",
        path: "/api/webhooks/github",
        setupRequest: (req, context) => {
          const d = pool[next++ % pool.length]!;
          (context as Record<string, string>).deliveryId = d.headers["x-github-delivery"];
          (context as Record<string, string>).runId = d.runId;
          return { ...req, body: d.body, headers: d.headers };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300) accepted.push({ deliveryId: (context as Record<string, string>).deliveryId!, runId: (context as Record<string, string>).runId! });
        },
      },
    ],
  });
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
    accepted,
  };
}

function baselineServer(port: number) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (!verifySignature(SECRET, body, req.headers["x-hub-signature-256"] as string)) return void res.writeHead(401).end();
      JSON.parse(body.toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  return new Promise<typeof server>((r) => server.listen(port, "127.0.0.1", () => r(server)));
}

async function main() {
  if (!args["skip-build"] || !existsSync(".next/BUILD_ID")) {
    console.error("building InfraFlow (next build)…");
    await new Promise<void>((resolve, reject) =>
      spawn("npx", ["next", "build"], { stdio: "inherit" }).on("exit", (c) => (c === 0 ? resolve() : reject(new Error("next build failed")))),
    );
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-bench-"));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  await applyMigrations(postgres.url);
  const setup = new pg.Client({ connectionString: postgres.url });
  await setup.connect();
  await setup.query(`INSERT INTO users (github_id, login) VALUES (1, 'bench')`);
  await setup.query(`INSERT INTO monitored_repos (user_id, repo_full_name, webhook_id) VALUES (1, 'bench/app', $1)`, [HOOK_ID]);
  await setup.query(`INSERT INTO repo_webhooks (repo_full_name, hook_id, secret, payload_url) VALUES ('bench/app', $1, $2, 'http://127.0.0.1/api/webhooks/github')`, [HOOK_ID, sealWebhookSecret(SECRET)]);
  await setup.end();
  const appPort = await freePort();
  // Its own process group, so stopping it stops next-server too (npx runs it as a child).
  const app = spawn("npx", ["next", "start", "-p", String(appPort), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: postgres.url, NEXTAUTH_SECRET: "bench", APP_URL: `http://127.0.0.1:${appPort}`, LOG_LEVEL: "info", DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baselinePort = await freePort();
  const baseline = await baselineServer(baselinePort);
  try {
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitForHealth(`${appUrl}/api/health`, { child: app });
    const pool = prepare(CONNECTIONS * 4000);
    await load(appUrl, prepare(2000)); // warm-up: JIT, route compilation, prepared statements
    const infraflow = await load(appUrl, pool);
    // Lost = accepted (2xx) deliveries whose delivery record or pipeline row is missing afterwards.
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const ids = infraflow.accepted.map((a) => a.deliveryId);
    const runIds = infraflow.accepted.map((a) => a.runId);
    const deliveries = Number((await client.query(`SELECT count(*) FROM webhook_deliveries WHERE delivery_id = ANY($1::text[])`, [ids])).rows[0].count);
    const rows = Number((await client.query(`SELECT count(*) FROM pipeline_events WHERE run_id = ANY($1::bigint[])`, [runIds])).rows[0].count);
    await client.end();
    const bare = await load(`http://127.0.0.1:${baselinePort}`, pool);
    const lost = ids.length - Math.min(deliveries, rows);

    const table = [
      ["", "deliveries/s", "p50 ms", "p99 ms", "accepted", "refused/errors", "rows"],
      ["InfraFlow (next start + PostgreSQL)", infraflow.perSecond, infraflow.p50, infraflow.p99, infraflow.ok, infraflow.failed, rows],
      ["baseline (node:http verify + parse)", bare.perSecond, bare.p50, bare.p99, bare.ok, bare.failed, "-"],
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
    for (const r of table) console.log(r.map((c, i) => String(c).padEnd(widths[i]!)).join("  "));
    console.log(`lost deliveries: ${lost}; InfraFlow/baseline throughput ratio: ${(infraflow.perSecond / bare.perSecond).toFixed(3)}`);
    console.log(
      `targets: >= 1000/s ${infraflow.perSecond >= 1000 ? "met" : "MISSED"}, p99 < 50 ms ${infraflow.p99 < 50 ? "met" : "MISSED"}, zero lost ${lost === 0 ? "met" : "MISSED"}`,
    );
    console.log(
      JSON.stringify({
        bench: "ingest", durationSeconds: DURATION, connections: CONNECTIONS,
        infraflow: { deliveriesPerSecond: infraflow.perSecond, p50Ms: infraflow.p50, p99Ms: infraflow.p99, accepted: infraflow.ok, failed: infraflow.failed, rows, lost },
        baseline: { deliveriesPerSecond: bare.perSecond, p50Ms: bare.p50, p99Ms: bare.p99 },
        ratio: Number((infraflow.perSecond / bare.perSecond).toFixed(4)),
      }),
    );
  } finally {
    process.kill(-app.pid!, "SIGTERM");
    baseline.close();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
