// The OWASP Benchmark sample under <dataset>/security/owasp-benchmark-java, and the grep baseline that
// the evaluation and the benchmark both measure beside the scanner: "a dangerous call is in the file".
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface BenchmarkCase {
  id: string;
  category: string;
  realVulnerability: boolean;
  cwe: number;
  path: string;
}

export async function loadBenchmark(datasetRoot: string): Promise<{ root: string; cases: BenchmarkCase[]; helpers: string[] }> {
  const root = path.resolve(datasetRoot, "security", "owasp-benchmark-java");
  const manifest = await readFile(path.join(root, "manifest.jsonl"), "utf8").catch(() => {
    console.error(`no ${path.join(root, "manifest.jsonl")}; pass --dataset <path to shared/datasets>`);
    process.exit(2);
  });
  const cases = manifest.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as BenchmarkCase);
  const helpers = (await readdir(path.join(root, "helpers"), { recursive: true })).filter((f) => f.endsWith(".java")).map((f) => path.join("helpers", f)).sort();
  return { root, cases, helpers };
}

/** The dangerous call of each CWE, as a line-level grep would look for it. */
export const BASELINE_PATTERNS: Record<number, RegExp> = {
  89: /\.(executeQuery|executeUpdate|execute|addBatch|prepareStatement|prepareCall|batchUpdate|queryFor\w+|query|update|createQuery|createSQLQuery)\s*\(/,
  22: /new\s+(java\.io\.)?(File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)\s*\(|Paths\.get\s*\(/,
  78: /\.exec\s*\(|ProcessBuilder/,
  79: /getWriter\(\)\s*\.\s*(print|println|write|format|printf)\s*\(/,
  90: /\.search\s*\(/,
  643: /\.(evaluate|compile)\s*\(/,
  328: /MessageDigest\.getInstance\s*\(/,
  327: /Cipher\.getInstance\s*\(/,
  330: /new\s+(java\.util\.)?Random\s*\(|Math\.random\s*\(/,
  614: /new\s+(javax\.servlet\.http\.)?Cookie\s*\(/,
  501: /\.(setAttribute|putValue)\s*\(/,
};

export function baselineReports(text: string, cwe: number): boolean {
  return BASELINE_PATTERNS[cwe]?.test(text) ?? false;
}
