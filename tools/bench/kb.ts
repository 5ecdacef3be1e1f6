// npm run bench:kb — knowledge-base lookup latency (the fast path of runbook §4.2), warm, one caller.
// For each adapter (embedded PostgreSQL; Neo4j from its test harness) and each size (10,000 and 100,000
// patterns, each with a proven fix) it times `lookupFix` — the domain call the healing engine makes:
// exact signature, else similar-pattern search, plus the sighting write — over a mix of 50% known
// failures (exact hits), 30% near-duplicates of known ones (similar hits) and 20% new failures (misses).
// Baseline, same run, same client path: a primary-key read of one pattern (a prepared SELECT by id on the
// adapter's node-postgres pool / a session running MATCH by id on the adapter's driver).
// Targets: p99 < 5 ms on PostgreSQL, < 10 ms on Neo4j. "Warm": at least 3,000 lookups and 20 s of them
// first per row (Neo4j's JIT compiles on 2 shared cores), then 2,000 timed ones, one at a time.
// Options: --sizes, --lookups, --warmup, --warmup-seconds, --adapters.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import pg from "pg";
import pino from "pino";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres";
import { applyMigrations } from "../../server/db/migrate";
import type { KnowledgeBase } from "../../server/knowledge/knowledge-base";
import { lookupFix } from "../../server/knowledge/lookup-fix";
import { createNeo4jDriver } from "../../server/knowledge/neo4j/neo4j-driver";
import { createNeo4jKnowledgeBase } from "../../server/knowledge/neo4j/neo4j-knowledge-base";
import { createPostgresKnowledgeBase } from "../../server/knowledge/postgres/postgres-knowledge-base";
import type { FailureKey } from "../../server/knowledge/types";
import { freePort } from "../../test/global-setup";
import { startNeo4jHarness } from "../neo4j-harness/start";
import { loadNeo4j, loadPostgres, PatternFactory, prng, type BenchPattern } from "./kb-data";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    lookups: { type: "string", default: "2000" },
    warmup: { type: "string", default: "3000" },
    "warmup-seconds": { type: "string", default: "20" },
    adapters: { type: "string", default: "postgres,neo4j" },
  },
});
const SIZES = args.sizes.split(",").map(Number).sort((a, b) => a - b);
const LOOKUPS = Number(args.lookups);
const WARMUP = Number(args.warmup);
const WARMUP_SECONDS = Number(args["warmup-seconds"]);
const TARGET_P99_MS = { postgres: 5, neo4j: 10 } as const;
type Adapter = keyof typeof TARGET_P99_MS;

process.env.LOG_LEVEL = "silent";
const SETTINGS = { enabled: true, minConfidence: 0.7, minSuccessCount: 2, minSimilarity: 0.7 };
// Real log formatting cost, no terminal I/O.
const log = pino({ level: "info" }, new Writable({ write: (_c, _e, done) => done() }));

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: round(pct(s, 50)), p99: round(pct(s, 99)), max: round(s.at(-1) ?? 0) };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

interface Engine {
  kb: KnowledgeBase;
  load: (patterns: BenchPattern[]) => Promise<void>;
  baseline: (id: string) => Promise<unknown>;
  stop: () => Promise<void>;
}

async function postgresEngine(): Promise<Engine> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-bench-kb-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "kb_bench", ephemeral: true });
  await applyMigrations(server.url);
  const pool = new pg.Pool({ connectionString: server.url, max: 5 });
  pool.on("error", (e) => process.stderr.write(`postgres pool: ${e.message}\n`));
  const loader = new pg.Client({ connectionString: server.url });
  await loader.connect();
  return {
    kb: createPostgresKnowledgeBase({ pool }),
    load: (p) => loadPostgres(loader, p),
    baseline: (id) => pool.query({ name: "bench_pk", text: "SELECT * FROM kb_failure_patterns WHERE id = $1::uuid", values: [id] }),
    stop: async () => {
      await loader.end();
      await pool.end();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function neo4jEngine(): Promise<Engine> {
  const neo = await startNeo4jHarness({ heapMb: 512, pageCacheMb: 512 });
  const driver = createNeo4jDriver({ uri: neo.uri, username: "neo4j", password: "unused" });
  const kb = createNeo4jKnowledgeBase({ driver });
  await kb.stats(); // creates the constraints and indexes before the bulk load
  return {
    kb,
    load: (p) => loadNeo4j(driver, p),
    baseline: async (id) => {
      const session = driver.session({ defaultAccessMode: "READ" });
      try {
        return await session.executeRead((tx) => tx.run("MATCH (p:FailurePattern {id: $id}) RETURN p {.*} AS p", { id }));
      } finally {
        await session.close();
      }
    },
    stop: async () => {
      await driver.close();
      await neo.stop();
    },
  };
}

async function measure(engine: Engine, factory: PatternFactory, known: BenchPattern[], seed: number) {
  const rand = prng(seed);
  const pickKnown = () => known[Math.floor(rand() * known.length)]!;
  const next = (): { kind: "exact" | "similar" | "new"; failure: FailureKey } => {
    const r = rand();
    if (r < 0.5) return { kind: "exact", failure: pickKnown() };
    if (r < 0.8) return { kind: "similar", failure: factory.variant(pickKnown()) };
    return { kind: "new", failure: factory.failure() };
  };
  const warmUntil = performance.now() + WARMUP_SECONDS * 1000;
  for (let i = 0; i < WARMUP || performance.now() < warmUntil; i++) {
    await lookupFix(next().failure, { kb: engine.kb, settings: SETTINGS, log });
    await engine.baseline(pickKnown().id);
  }
  const all: number[] = [];
  const byKind = { exact: [] as number[], similar: [] as number[], new: [] as number[] };
  const hits = { exact: 0, similar: 0, new: 0 };
  const base: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const { kind, failure } = next();
    const t0 = performance.now();
    const result = await lookupFix(failure, { kb: engine.kb, settings: SETTINGS, log });
    const ms = performance.now() - t0;
    all.push(ms);
    byKind[kind].push(ms);
    if (result.hit) hits[kind]++;
    const id = pickKnown().id;
    const b0 = performance.now();
    await engine.baseline(id);
    base.push(performance.now() - b0);
  }
  const rate = (k: keyof typeof hits) => round(hits[k] / Math.max(1, byKind[k].length));
  return {
    lookup: summary(all),
    byKind: { exact: summary(byKind.exact), similar: summary(byKind.similar), new: summary(byKind.new) },
    hitRate: { exact: rate("exact"), similar: rate("similar"), new: rate("new") },
    baseline: summary(base),
  };
}

async function main() {
  const adapters = args.adapters.split(",") as Adapter[];
  const results = [];
  for (const adapter of adapters) {
    const engine = adapter === "postgres" ? await postgresEngine() : await neo4jEngine();
    const factory = new PatternFactory(42);
    const known: BenchPattern[] = [];
    try {
      for (const size of SIZES) {
        const more = Array.from({ length: size - known.length }, () => factory.pattern());
        const t0 = performance.now();
        await engine.load(more);
        known.push(...more);
        process.stderr.write(`${adapter}: loaded ${known.length} patterns (+${more.length} in ${Math.round(performance.now() - t0)} ms)\n`);
        const m = await measure(engine, factory, known, size);
        const target = TARGET_P99_MS[adapter];
        results.push({
          adapter, patterns: size, ...m,
          ratioP50: round(m.lookup.p50 / m.baseline.p50), ratioP99: round(m.lookup.p99 / m.baseline.p99),
          targetP99Ms: target, meetsTarget: m.lookup.p99 < target,
        });
      }
    } finally {
      await engine.stop();
    }
  }

  const header = ["adapter", "patterns", "lookup p50", "lookup p99", "exact p99", "similar p99", "new p99", "hit rate ex/sim/new", "PK read p50", "PK read p99", "p99 ratio", "target p99", "ok"];
  const rows = results.map((r) => [
    r.adapter, r.patterns.toLocaleString("en"), `${r.lookup.p50} ms`, `${r.lookup.p99} ms`, `${r.byKind.exact.p99} ms`, `${r.byKind.similar.p99} ms`,
    `${r.byKind.new.p99} ms`, `${r.hitRate.exact}/${r.hitRate.similar}/${r.hitRate.new}`, `${r.baseline.p50} ms`, `${r.baseline.p99} ms`,
    `${r.ratioP99}x`, `< ${r.targetP99Ms} ms`, r.meetsTarget ? "yes" : "NO",
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`Knowledge-base lookup latency, warm, ${LOOKUPS} lookups per row (50% known, 30% near-duplicate, 20% new)`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
  console.log(JSON.stringify({ benchmark: "kb", lookups: LOOKUPS, baseline: "primary-key read of one pattern, same client", results }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
