// npm run bench:heal — the healing loop's own latency, from the failed run's webhook received to the
// session PENDING_APPROVAL, on the GitHub simulator with the embedded runner and embedded PostgreSQL.
//   fast path:  a proven knowledge-base fix re-applied (no LLM call), over --fast failures (default 52)
//               spread over the demo repositories' CI-breaking scenarios;
//   LLM path:   the simulator's recorded Anthropic endpoint answers at once, so what is measured is
//               InfraFlow's own overhead (context assembly, the SDK call, parsing, guardrails, writes);
//   baseline:   the same deliveries' analysis alone (webhook → analyze-failure finished: logs fetched,
//               classified, signed), measured in the same run; ratios are path p99 / baseline p99.
// Every failure is a real failed CI run (the failed jobs re-run on the simulator), delivered by the
// simulator's signed webhook to the real route. Sessions are closed between failures so each one opens a
// new session instead of joining. Targets: fast path p99 < 1 s, LLM-path overhead p99 < 2 s.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres";
import { applyMigrations } from "../../server/db/migrate";
import { freePort } from "../../test/global-setup";

const { values: args } = parseArgs({ options: { fast: { type: "string", default: "52" }, llm: { type: "string", default: "20" } } });
const FAST = Number(args.fast);
const LLM = Number(args.llm);
const OWNER = "infraflow-demo";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50Ms: Math.round(percentile(s, 50)), p99Ms: Math.round(percentile(s, 99)), maxMs: Math.round(s.at(-1) ?? NaN) };
};

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-bench-heal-"));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  await applyMigrations(postgres.url);
  const { startGitHubSimulator, scenarios } = await import("../github-sim");
  const sim = await startGitHubSimulator({ port: 0, dataDir: path.join(dataDir, "github-sim"), maxConcurrentJobs: 2 });
  const seed = await sim.seedDemo();
  Object.assign(process.env, {
    DATABASE_URL: postgres.url, DATA_DIR: dataDir, GITHUB_URL: sim.url, GITHUB_TOKEN: seed.token, WEBHOOK_SECRET: "bench-heal",
    HEALING_DEMO_MODE: "true", ANTHROPIC_BASE_URL: sim.anthropicUrl, ANALYSIS_RERUN_FAILED_JOBS: "false", HEALING_AUTO_APPLY: "false",
    LOG_LEVEL: "silent", KB_MIN_SUCCESS_COUNT: "1", KB_MIN_CONFIDENCE: "0",
  });
  // Loaded only now, so the app's settings (parsed once) see the environment above.
  const { POST } = await import("../../app/api/webhooks/github/route");
  const { db, disconnectDb } = await import("../../server/db/client");
  const { githubClient } = await import("../../server/github/octokit");
  const { monitorRepo } = await import("../../server/repos/monitor-repo");
  const { embeddedRunner } = await import("../../inngest/runner");
  const { recordFix, recordFixOutcome, closeKnowledgeBase } = await import("../../server/knowledge");
  const { fixPlanSchema } = await import("../../server/healing/fix-plan");
  const { serveFetchHandler } = await import("../../test/serve-fetch-handler");

  const received = new Map<string, number>(); // pipelineEventId → when its webhook arrived
  const app = await serveFetchHandler(async (req) => {
    const at = performance.now();
    const res = await POST(req);
    const body = (await res.clone().json().catch(() => ({}))) as { pipelineEventId?: string; events?: string[] };
    if (body.pipelineEventId && body.events?.includes("infraflow/pipeline.failed")) received.set(body.pipelineEventId, at);
    return res;
  });
  const github = githubClient(seed.token, sim.url);
  const user = await db().user.create({ data: { githubId: 9001n, login: "demo-dev" } });
  const failing = scenarios.filter((s) => s.failsCi);
  for (const s of failing) {
    await monitorRepo({ db: db(), github, log: pino({ level: "silent" }), userId: user.id, repoFullName: `${OWNER}/${s.repository}`, appUrl: app.url });
  }
  await embeddedRunner().recover();

  /** Polls (5 ms) until the session of this pipeline event is PENDING_APPROVAL; the time it got there. */
  async function pendingAt(pipelineEventId: bigint): Promise<{ at: number; source: string | null }> {
    for (;;) {
      const s = await db().healingSession.findFirst({ where: { pipelineEventId, status: { in: ["PENDING_APPROVAL", "FAILED"] } } });
      if (s) {
        if (s.status === "FAILED") throw new Error(`session ${s.id} FAILED: ${s.failureReason}`);
        return { at: performance.now(), source: s.source };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  async function analysedAt(pipelineEventId: string): Promise<number> {
    const run = await db().workflowRun.findFirstOrThrow({ where: { functionId: "analyze-failure", eventData: { path: ["pipelineEventId"], equals: pipelineEventId } } });
    return run.finishedAt!.getTime();
  }
  /** A new failed attempt of the repository's broken run; returns its pipeline event id once received. */
  async function failAgain(repo: string, runId: number | null): Promise<bigint> {
    await db().healingSession.updateMany({ where: { repoFullName: `${OWNER}/${repo}`, status: { in: ["ANALYZING", "PENDING_APPROVAL"] } }, data: { status: "REJECTED", rejectionReason: "bench" } });
    const before = new Set(received.keys());
    if (runId !== null) await github.rest.actions.reRunWorkflowFailedJobs({ owner: OWNER, repo, run_id: runId });
    for (;;) {
      const fresh = [...received.keys()].find((k) => !before.has(k));
      if (fresh) {
        const ev = await db().pipelineEvent.findUniqueOrThrow({ where: { id: BigInt(fresh) } });
        if (ev.repoFullName === `${OWNER}/${repo}`) return ev.id;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const wallToDb = () => Date.now() - performance.now();

  const samples = { llm: [] as number[], fast: [] as number[], baseline: [] as number[] };
  async function measure(repo: string, runId: number | null, kind: "llm" | "fast") {
    const id = await failAgain(repo, runId);
    const done = await pendingAt(id);
    if ((kind === "fast") !== (done.source === "KNOWLEDGE_BASE")) throw new Error(`expected the ${kind} path, got source ${done.source}`);
    const start = received.get(id.toString())!;
    samples[kind].push(done.at - start);
    samples.baseline.push((await analysedAt(id.toString())) - wallToDb() - start);
  }

  // The first failure of each repository (LLM path), then re-runs of it.
  const runs = new Map<string, number>();
  for (const s of failing) {
    const broken = await sim.breakRepository({ scenario: s.name });
    await measure(s.repository, null, "llm");
    const { data } = await github.rest.actions.listWorkflowRunsForRepo({ owner: OWNER, repo: s.repository, head_sha: broken.sha });
    runs.set(s.repository, data.workflow_runs[0]!.id);
  }
  for (let i = failing.length; i < LLM; i++) {
    const s = failing[i % failing.length]!;
    await measure(s.repository, runs.get(s.repository)!, "llm");
  }
  // Teach the knowledge base each repository's fix as proven (what one green CI run would do).
  for (const s of failing) {
    const session = await db().healingSession.findFirstOrThrow({ where: { repoFullName: `${OWNER}/${s.repository}`, source: "LLM" }, orderBy: { id: "asc" } });
    const plan = fixPlanSchema.parse(session.fixPlan);
    const { fix } = await recordFix({
      failure: { failureType: session.failureType as never, signature: session.signature!, signatureText: session.signatureText! },
      strategy: plan.strategy, changes: plan.changes.map((c) => ({ path: c.path, content: c.content, originalContent: c.originalContent ?? null })),
    });
    await recordFixOutcome({ fixId: fix.id, outcome: "applied" });
    await recordFixOutcome({ fixId: fix.id, outcome: "succeeded" });
  }
  const baselineLlm = samples.baseline.splice(0);
  for (let i = 0; i < FAST; i++) {
    const s = failing[i % failing.length]!;
    await measure(s.repository, runs.get(s.repository)!, "fast");
  }

  const fast = stats(samples.fast);
  const llm = stats(samples.llm);
  const baseline = stats([...baselineLlm, ...samples.baseline]);
  const rows = [
    ["", "n", "p50 ms", "p99 ms", "max ms", "target"],
    ["fast path (knowledge base, no LLM call)", fast.n, fast.p50Ms, fast.p99Ms, fast.maxMs, `p99 < 1000: ${fast.p99Ms < 1000 ? "met" : "MISSED"}`],
    ["LLM path (recorded endpoint, overhead)", llm.n, llm.p50Ms, llm.p99Ms, llm.maxMs, `p99 < 2000: ${llm.p99Ms < 2000 ? "met" : "MISSED"}`],
    ["baseline: analysis alone (same deliveries)", baseline.n, baseline.p50Ms, baseline.p99Ms, baseline.maxMs, "-"],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i]!)).join("  "));
  console.log(
    JSON.stringify({
      bench: "heal", repositories: failing.length,
      fastPath: fast, llmPathOverhead: llm, baseline: { what: "webhook received → analysis finished", ...baseline },
      ratio: { fastPathP99ToBaselineP99: Number((fast.p99Ms / baseline.p99Ms).toFixed(3)), llmPathP99ToBaselineP99: Number((llm.p99Ms / baseline.p99Ms).toFixed(3)) },
      targets: { fastPathP99Under1s: fast.p99Ms < 1000, llmOverheadP99Under2s: llm.p99Ms < 2000 },
    }),
  );
  await embeddedRunner().stop();
  await app.close();
  await closeKnowledgeBase();
  await disconnectDb();
  await sim.stop();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
