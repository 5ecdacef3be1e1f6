// npm run bench:scan [-- --dataset ../shared/datasets] [--rounds 2]
// Scanner throughput (files/s, MB/s) over the OWASP Benchmark sample, files read from disk each round,
// beside a read-and-regex baseline (the grep for dangerous calls) over the same files in the same run;
// then the process's peak memory. Node runs the scan on one thread, so this is one core's throughput.
// Last line: one JSON object with the figures, the baseline and the ratio.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { scanFiles } from "../../server/security/scan-files";
import { BASELINE_PATTERNS, loadBenchmark } from "../eval/security-dataset";

const { values } = parseArgs({ options: { dataset: { type: "string", default: "../shared/datasets" }, rounds: { type: "string", default: "2" } } });
const { root, cases, helpers } = await loadBenchmark(values.dataset!);
const files = [...helpers, ...cases.map((c) => c.path)].map((f) => path.join(root, f));
const rounds = Math.max(1, Number(values.rounds));

async function timed(run: () => Promise<number>) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await run();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu);
  const cpuSeconds = (c.user + c.system) / 1e6;
  return { seconds, cpuSeconds, filesPerSec: files.length / seconds, mbPerSec: bytes / 1024 / 1024 / seconds, filesPerCpuSec: files.length / cpuSeconds, mbPerCpuSec: bytes / 1024 / 1024 / cpuSeconds };
}

const baselinePatterns = Object.values(BASELINE_PATTERNS);
const baseline = await timed(async () => {
  let bytes = 0;
  let hits = 0;
  for (const f of files) {
    const text = await readFile(f, "utf8");
    bytes += Buffer.byteLength(text);
    for (const re of baselinePatterns) if (re.test(text)) hits++;
  }
  if (hits < 0) console.log(hits);
  return bytes;
});

const runs = [];
let findings = 0;
for (let i = 0; i < rounds; i++) {
  runs.push(
    await timed(async () => {
      const inputs = [];
      let bytes = 0;
      for (const f of files) {
        const content = await readFile(f);
        bytes += content.byteLength;
        inputs.push({ path: path.relative(root, f), content });
      }
      findings = (await scanFiles(inputs, { osv: null, maxFileBytes: 1024 * 1024 })).findings.length;
      return bytes;
    }),
  );
}
const cold = runs[0]!;
const warm = runs.at(-1)!;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// On a shared machine wall time includes waiting for the CPU; per CPU-second is one core's throughput.
const row = (name: string, r: typeof warm) =>
  console.log(`${name.padEnd(26)} ${r.seconds.toFixed(2).padStart(6)} s wall ${r.filesPerSec.toFixed(0).padStart(5)} files/s ${r.mbPerSec.toFixed(2).padStart(5)} MB/s | ${r.cpuSeconds.toFixed(2).padStart(6)} s cpu ${r.filesPerCpuSec.toFixed(0).padStart(5)} files/s ${r.mbPerCpuSec.toFixed(2).padStart(5)} MB/s`);
console.log(`${files.length} files (${cases.length} cases + ${helpers.length} helpers), ${findings} findings`);
row("scan, first round (cold)", cold);
if (runs.length > 1) row(`scan, round ${runs.length} (warm)`, warm);
row("baseline: read + regex", baseline);
console.log(`peak RSS ${peakRssMb.toFixed(0)} MB; target ≥ 50 files/s on one core (per CPU-second): ${warm.filesPerCpuSec >= 50 ? "met" : "NOT met"}`);
const r2 = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    bench: "scan",
    files: files.length,
    filesPerCpuSec: r2(warm.filesPerCpuSec),
    mbPerCpuSec: r2(warm.mbPerCpuSec),
    filesPerSec: r2(warm.filesPerSec),
    mbPerSec: r2(warm.mbPerSec),
    coldFilesPerSec: r2(cold.filesPerSec),
    cpuSeconds: r2(warm.cpuSeconds),
    peakRssMb: r2(peakRssMb),
    baseline: { name: "read + regex", filesPerCpuSec: r2(baseline.filesPerCpuSec), mbPerCpuSec: r2(baseline.mbPerCpuSec), filesPerSec: r2(baseline.filesPerSec), mbPerSec: r2(baseline.mbPerSec) },
    ratio: r2(warm.filesPerCpuSec / baseline.filesPerCpuSec),
  }),
);
