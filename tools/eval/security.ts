// npm run eval:security [-- --dataset ../shared/datasets] [--verbose]
// The scanner on the OWASP Benchmark sample: per category TPR, FPR and score (TPR − FPR), the average of
// sqli, pathtraver, cmdi and xss, then of all categories — beside a grep for the dangerous calls measured
// in the same run. A case counts as reported when a finding of its CWE is in its file; a trap
// (realVulnerability false) that is reported is a false positive. The scan sees the test cases and the
// benchmark's helper classes together, as `infraflow scan <dir>` would. Last line: one JSON object.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { scanFiles } from "../../server/security/scan-files";
import { baselineReports, loadBenchmark } from "./security-dataset";

const { values } = parseArgs({ options: { dataset: { type: "string", default: "../shared/datasets" }, verbose: { type: "boolean", default: false } } });
const { root, cases, helpers } = await loadBenchmark(values.dataset!);

const files = [...helpers, ...cases.map((c) => c.path)];
const texts = new Map<string, Buffer>();
for (const f of files) texts.set(f, await readFile(path.join(root, f)));
const started = performance.now();
const report = await scanFiles(files.map((f) => ({ path: f, content: texts.get(f)! })), { osv: null, maxFileBytes: 1024 * 1024 });
const seconds = (performance.now() - started) / 1000;
const reported = new Set(report.findings.map((f) => `${f.file}|${f.cwe}`));

interface Tally { tp: number; fn: number; fp: number; tn: number }
const ours = new Map<string, Tally>();
const base = new Map<string, Tally>();
const misses: string[] = [];
const add = (m: Map<string, Tally>, category: string, real: boolean, hit: boolean) => {
  const t = m.get(category) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
  if (real) hit ? t.tp++ : t.fn++;
  else hit ? t.fp++ : t.tn++;
  m.set(category, t);
};
for (const c of cases) {
  const hit = reported.has(`${c.path}|${c.cwe}`);
  add(ours, c.category, c.realVulnerability, hit);
  add(base, c.category, c.realVulnerability, baselineReports(texts.get(c.path)!.toString("utf8"), c.cwe));
  if (hit !== c.realVulnerability) misses.push(`${hit ? "FP" : "FN"} ${c.category} ${c.id}`);
}

const rates = (t: Tally) => {
  const tpr = t.tp / Math.max(1, t.tp + t.fn);
  const fpr = t.fp / Math.max(1, t.fp + t.tn);
  return { tpr, fpr, score: tpr - fpr };
};
const FOUR = ["sqli", "pathtraver", "cmdi", "xss"];
const categories = [...FOUR, ...[...ours.keys()].filter((c) => !FOUR.includes(c)).sort()];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const avg = (m: Map<string, Tally>, cats: string[]) => {
  const r = cats.map((c) => rates(m.get(c)!));
  return { tpr: mean(r.map((x) => x.tpr)), fpr: mean(r.map((x) => x.fpr)), score: mean(r.map((x) => x.score)) };
};

const f = (x: number) => x.toFixed(2).padStart(6);
const s = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(2);
console.log(`OWASP Benchmark sample: ${cases.length} cases (+${helpers.length} helper files), scanned in ${seconds.toFixed(1)} s`);
console.log(`${"category".padEnd(13)} ${"real".padStart(4)} ${"traps".padStart(5)} |    TPR    FPR  score | grep TPR    FPR  score`);
const line = (name: string, o: { tpr: number; fpr: number; score: number }, b: { tpr: number; fpr: number; score: number }, real = "", traps = "") =>
  console.log(`${name.padEnd(13)} ${real.padStart(4)} ${traps.padStart(5)} | ${f(o.tpr)} ${f(o.fpr)} ${s(o.score).padStart(6)} | ${f(b.tpr)} ${f(b.fpr)} ${s(b.score).padStart(6)}`);
for (const c of categories) {
  const t = ours.get(c)!;
  line(c, rates(t), rates(base.get(c)!), String(t.tp + t.fn), String(t.fp + t.tn));
  if (c === "xss") {
    line("average (4)", avg(ours, FOUR), avg(base, FOUR));
    console.log("-".repeat(78));
  }
}
line("average (all)", avg(ours, categories), avg(base, categories));
const four = avg(ours, FOUR);
const met = four.score >= 0.45 && FOUR.every((c) => rates(ours.get(c)!).tpr >= 0.8);
console.log(`target (average of the four ≥ 0.45, TPR ≥ 0.80 in each): ${met ? "met" : "NOT met"}; notes: ${report.notes.length}`);
if (values.verbose) for (const m of misses) console.log(`  ${m}`);

const round = (x: number) => Math.round(x * 1000) / 1000;
const table = (m: Map<string, Tally>) => Object.fromEntries(categories.map((c) => [c, Object.fromEntries(Object.entries(rates(m.get(c)!)).map(([k, v]) => [k, round(v)]))]));
const baseFour = avg(base, FOUR);
console.log(
  JSON.stringify({
    eval: "security",
    cases: cases.length,
    categories: table(ours),
    average4: { tpr: round(four.tpr), fpr: round(four.fpr), score: round(four.score) },
    averageAll: round(avg(ours, categories).score),
    baseline: { name: "grep for the dangerous call", categories: table(base), average4: round(baseFour.score), averageAll: round(avg(base, categories).score) },
    // The grep's score is about zero (it reports every trap), so a quotient means little: both are given.
    ratio: baseFour.score > 0.01 ? round(four.score / baseFour.score) : null,
    difference: round(four.score - baseFour.score),
    targetMet: met,
  }),
);
