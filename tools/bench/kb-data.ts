// Synthetic knowledge bases for `npm run bench:kb`: failure patterns shaped like server/analysis signature
// texts (type line + 2-3 normalized error lines built from per-type templates, so patterns of a type share
// boilerplate as real ones do), each with one proven fix; bulk-loaded into the same tables / graph the
// adapters write, with the same LSH band keys.
import { createHash, randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import neo4j from "neo4j-driver";
import type pg from "pg";
import type { FailureType } from "../../server/analysis/failure-types";
import { wilsonLowerBound } from "../../server/knowledge/fix-confidence";
import { signatureBands } from "../../server/knowledge/signature-similarity";
import type { FailureKey } from "../../server/knowledge/types";

export interface BenchPattern extends FailureKey {
  id: string;
  fixId: string;
  bands: string[];
}

const TEMPLATES: Record<FailureType, string[]> = {
  BUILD_COMPILE: [
    "cannot find symbol symbol: class {A} location: class {p}.{B}",
    "<ws>/src/main/java/{p}/{A}.java:N: error: package {p}.{c} does not exist",
    "error TS2322: Type '{A}' is not assignable to type '{B}'.",
    "error[E0308]: mismatched types expected `{A}`, found `{B}` --> src/{c}.rs:N",
    "undefined: {A}.{B} <ws>/{p}/{c}.go:N",
  ],
  TEST_FAILURE: [
    "AssertionError: expected {a} to equal {b}",
    "FAILED tests/test_{c}.py::test_{a}_{b} - assert N == N",
    "Tests run: N, Failures: N, Errors: 0 <<< FAILURE! in {p}.{A}Test",
    "--- FAIL: Test{A}{B} (<dur>) {c}_test.go:N: got {a} want {b}",
  ],
  LINT: ["{c}.ts:N error '{a}' is assigned a value but never used no-unused-vars", "[checkstyle] {A}.java:N: '{b}' is not followed by whitespace", "{c}.py:N: F401 '{p}.{a}' imported but unused"],
  DEPENDENCY_RESOLUTION: [
    "Could not find artifact {p}:{c}-{a}:jar:N.N.N in central",
    "npm error code ETARGET No matching version found for @{c}/{a}@^N.N.N",
    "No matching distribution found for {a}-{b}==N.N",
  ],
  DEPENDENCY_CONFLICT: [
    "Dependency convergence error for {p}:{c}-{a}:N.N paths to dependency are: +-{p}:{b}",
    "npm error ERESOLVE could not resolve peer {c}@N from {a}@N.N.N",
  ],
  CONFIGURATION: ["Unrecognized named-value: '{a}'. Located at position N within expression: {b}.{c}", "Error: Input required and not supplied: {a}_{b}"],
  INFRASTRUCTURE: ["Error: connect ETIMEDOUT <host> while fetching {c}/{a}", "The runner has received a shutdown signal {A} {b}"],
  UNKNOWN: ["Process completed with exit code N {a} {b} {c}"],
};

const MIX: [FailureType, number][] = [
  ["BUILD_COMPILE", 0.3], ["TEST_FAILURE", 0.3], ["LINT", 0.1], ["DEPENDENCY_RESOLUTION", 0.1],
  ["DEPENDENCY_CONFLICT", 0.1], ["CONFIGURATION", 0.05], ["INFRASTRUCTURE", 0.04], ["UNKNOWN", 0.01],
];

/** mulberry32: a reproducible stream, so every run benchmarks the same knowledge base. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "ver", "zen", "dor", "pix", "qua", "sol", "tri", "ux", "bal", "cor"];

export function makeWords(rand: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""));
  }
  return [...words];
}

export class PatternFactory {
  private readonly rand: () => number;
  private readonly words: string[];
  private readonly seen = new Set<string>();

  constructor(seed: number) {
    this.rand = prng(seed);
    this.words = makeWords(prng(seed ^ 0x5eed), 5_000);
  }

  private word(): string {
    return this.words[Math.floor(this.rand() * this.words.length)]!;
  }

  private type(): FailureType {
    let r = this.rand();
    for (const [t, share] of MIX) if ((r -= share) < 0) return t;
    return "UNKNOWN";
  }

  private line(template: string): string {
    return template.replace(/\{(\w)\}/g, (_, slot: string) => {
      const w = this.word();
      return slot === slot.toUpperCase() ? w[0]!.toUpperCase() + w.slice(1) : slot === "p" ? `org.${w}` : w;
    });
  }

  /** A new failure, distinct from every one this factory made before. */
  failure(): FailureKey {
    for (;;) {
      const type = this.type();
      const templates = TEMPLATES[type];
      const lines = Array.from({ length: 2 + Math.floor(this.rand() * 2) }, () => this.line(templates[Math.floor(this.rand() * templates.length)]!));
      const f = key(type, lines.sort());
      if (!this.seen.has(f.signature)) return this.seen.add(f.signature), f;
    }
  }

  /** The same failure with one identifier changed: a near-duplicate the exact signature misses. */
  variant(of: FailureKey): FailureKey {
    const lines = of.signatureText.split("\n").slice(1);
    const i = Math.floor(this.rand() * lines.length);
    const tokens = lines[i]!.split(" ");
    const j = tokens.findIndex((t) => /^[a-z]{4,}$/i.test(t));
    tokens[j >= 0 ? j : tokens.length - 1] = this.word();
    lines[i] = tokens.join(" ");
    return key(of.failureType, lines);
  }

  pattern(): BenchPattern {
    const f = this.failure();
    return { ...f, id: randomUUID(), fixId: randomUUID(), bands: signatureBands(f.failureType, f.signatureText) };
  }
}

function key(failureType: FailureType, lines: string[]): FailureKey {
  const signatureText = [failureType, ...lines].join("\n");
  return { failureType, signatureText, signature: createHash("sha256").update(signatureText).digest("hex") };
}

const PROVEN = { successCount: 5, appliedCount: 5, confidence: wilsonLowerBound(5, 5) };
const fixJson = (p: BenchPattern) => JSON.stringify([{ path: "pom.xml", diff: `--- a/pom.xml\n+++ b/pom.xml\n@@ -1 +1 @@\n-<v>${p.id}</v>\n+<v>fixed</v>\n` }]);

export async function loadPostgres(client: pg.Client, patterns: BenchPattern[]): Promise<void> {
  for (let i = 0; i < patterns.length; i += 2_000) {
    const batch = patterns.slice(i, i + 2_000);
    const col = <T>(f: (p: BenchPattern) => T) => batch.map(f);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO kb_failure_patterns (id, failure_type, signature, signature_text, hit_count)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[])`,
      [col((p) => p.id), col((p) => p.failureType), col((p) => p.signature), col((p) => p.signatureText), col(() => 0)],
    );
    await client.query(
      `INSERT INTO kb_fixes (id, strategy, file_diffs, content_hash, confidence, success_count, applied_count)
       SELECT id, 'Pin the dependency', d, md5(d), $3, $4, $5 FROM unnest($1::uuid[], $2::text[]) AS u(id, d)`,
      [col((p) => p.fixId), col(fixJson), PROVEN.confidence, PROVEN.successCount, PROVEN.appliedCount],
    );
    await client.query(`INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::float8[])`, [
      col((p) => p.id), col((p) => p.fixId), col(() => 1),
    ]);
    await client.query(`INSERT INTO kb_pattern_bands (band, pattern_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`, [
      batch.flatMap((p) => p.bands), batch.flatMap((p) => p.bands.map(() => p.id)),
    ]);
    await client.query("COMMIT");
  }
  // Steady state, as a knowledge base that has been running: no autovacuum pass over the fresh rows mid-run.
  await client.query("VACUUM ANALYZE kb_failure_patterns, kb_fixes, kb_pattern_fixes, kb_pattern_bands");
}

export async function loadNeo4j(driver: Driver, patterns: BenchPattern[]): Promise<void> {
  const now = neo4j.types.DateTime.fromStandardDate(new Date());
  for (let i = 0; i < patterns.length; i += 500) {
    const rows = patterns.slice(i, i + 500).map((p) => ({ ...p, fileDiffs: fixJson(p) }));
    const session = driver.session();
    try {
      await session.executeWrite((tx) =>
        tx.run(
          `UNWIND $rows AS r
           CREATE (p:FailurePattern {id: r.id, failureType: r.failureType, signature: r.signature, signatureText: r.signatureText,
                                     hitCount: 0, firstSeenAt: $now, lastSeenAt: $now})
           CREATE (f:Fix {id: r.fixId, strategy: 'Pin the dependency', fileDiffs: r.fileDiffs, contentHash: r.fixId,
                          confidence: $confidence, successCount: $success, failureCount: 0, rejectedCount: 0,
                          appliedCount: $applied, createdAt: $now, updatedAt: $now})
           CREATE (p)-[:HAS_FIX {weight: 1.0}]->(f)
           WITH p, r UNWIND r.bands AS key
           MERGE (b:SignatureBand {key: key})
           CREATE (p)-[:IN_BAND]->(b)`,
          { rows, now, confidence: PROVEN.confidence, success: neo4j.int(PROVEN.successCount), applied: neo4j.int(PROVEN.appliedCount) },
        ),
      );
    } finally {
      await session.close();
    }
  }
}
