// npm run bench:analysis [-- --dataset ../shared/datasets] [--large-mb 200]
// Throughput of the failure analysis over every ci-logs log (text files and the logs inside the run-logs
// zips), beside `grep -cE 'error|fail'` over the same bytes in the same run; then one synthetic log of
// --large-mb MB (dataset logs repeated) analysed in a child process to measure its peak RSS; then the
// `infraflow analyze` command on a 1 MB log, from process start to its first result, as the prebuilt
// bundle runs it beside the same command compiled from its sources by tsx.
// Last line: one JSON object with the figures, the baseline and the ratio.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyzeLogChunks, analyzeLogFile } from "../../server/analysis/analyze-log";
import { selectLogFiles } from "../../server/analysis/analyze-run-logs-zip";
import { readZipEntries } from "../../server/analysis/read-zip-entries";
import { buildCli } from "../build-cli.mjs";

const CLI_RUNS = 7;
// Loaded first into each timed process: on exit it reports the process's own CPU time (user + system),
// which the machine's load distorts far less than the wall-clock figure.
const CPU_PROBE = `data:text/javascript,${encodeURIComponent('import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeSync(2,"\\ncpu-us "+(u.user+u.system)+"\\n")})')}`;

const { values } = parseArgs({ options: { dataset: { type: "string", default: "../shared/datasets" }, "large-mb": { type: "string", default: "200" } } });
const root = path.resolve(values.dataset!, "ci-logs");
const rows = (await readFile(path.join(root, "manifest.jsonl"), "utf8"))
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { path: string; format: string });
const dir = await mkdtemp(path.join(tmpdir(), "infraflow-bench-analysis-"));

try {
  // Every log's bytes, written once to one file for grep (zip entries uncompressed).
  const corpus = path.join(dir, "corpus.log");
  const out = createWriteStream(corpus);
  const textFiles: string[] = [];
  for (const row of rows) {
    const file = path.join(root, row.path);
    if (row.format === "text") {
      textFiles.push(file);
      out.write(await readFile(file));
      continue;
    }
    const { entries, close } = await readZipEntries(file);
    for (const f of selectLogFiles(entries)) for await (const chunk of await f.entry.open()) out.write(chunk);
    close();
  }
  await new Promise((r) => out.end(r));
  const bytes = (await stat(corpus)).size;

  async function analyseAll(): Promise<number> {
    const t0 = process.hrtime.bigint();
    for (const row of rows) {
      const file = path.join(root, row.path);
      if (row.format === "text") await analyzeLogFile(file);
      else {
        const { entries, close } = await readZipEntries(file);
        for (const f of selectLogFiles(entries)) await analyzeLogChunks(await f.entry.open());
        close();
      }
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  }
  await analyseAll(); // warm-up: JIT and page cache
  const seconds = Math.min(await analyseAll(), await analyseAll());
  const datasetRss = process.resourceUsage().maxRSS * 1024;

  const grepRuns = [0, 1, 2].map(() => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync("grep", ["-cE", "error|fail", corpus], { encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`grep failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  });
  const grepSeconds = Math.min(...grepRuns);

  // The large log: dataset text logs repeated up to the size asked for.
  const largeBytesWanted = Number(values["large-mb"]) * 1024 * 1024;
  const large = path.join(dir, "large.log");
  const w = createWriteStream(large);
  let written = 0;
  while (written < largeBytesWanted) {
    for (const f of textFiles) {
      const buf = await readFile(f);
      if (!w.write(buf)) await new Promise<void>((r) => w.once("drain", () => r()));
      written += buf.length;
      if (written >= largeBytesWanted) break;
    }
  }
  await new Promise((r) => w.end(r));
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "analysis-large.ts"), large], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`large-log child failed: ${child.stderr}`);
  const largeRun = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; maxRssBytes: number };

  // The CLI: a 1 MB log made of dataset logs, analysed by a fresh process each run.
  const oneMb = path.join(dir, "one-mb.log");
  {
    const w1 = createWriteStream(oneMb);
    let n = 0;
    outer: while (n < 1_000_000) {
      for (const f of textFiles) {
        const buf = await readFile(f);
        w1.write(buf);
        n += buf.length;
        if (n >= 1_000_000) break outer;
      }
    }
    await new Promise((r) => w1.end(r));
  }
  const repo = path.resolve(import.meta.dirname, "../..");
  await buildCli();
  const bundled = [path.join(repo, "bin/infraflow.mjs"), "analyze", "--json", oneMb];
  const fromSource = ["--import", "tsx", path.join(import.meta.dirname, "analysis-cli-source.ts"), "analyze", "--json", oneMb];
  // A bare `node` start, timed the same way, shows how much of the figure the machine itself takes.
  const cli = { bundle: await timeCli(bundled, repo), source: await timeCli(fromSource, repo), bareNode: await timeCli(["-e", "process.stdout.write('x')"], repo) };

  const mb = bytes / 1e6;
  const figures = {
    bench: "analysis",
    datasetBytes: bytes,
    mbPerSecond: mb / seconds,
    peakRssMbDataset: datasetRss / 1e6,
    largeLogMb: written / 1e6,
    largeLogMbPerSecond: written / 1e6 / largeRun.seconds,
    largeLogPeakRssMb: largeRun.maxRssBytes / 1e6,
    cliFirstResultSeconds: cli.bundle.firstResult,
    cliExitSeconds: cli.bundle.exit,
    cliCpuSeconds: cli.bundle.cpu,
    cliLogBytes: (await stat(oneMb)).size,
    bareNodeStartSeconds: cli.bareNode.firstResult,
    bareNodeCpuSeconds: cli.bareNode.cpu,
    baseline: { tool: "grep -cE 'error|fail'", mbPerSecond: mb / grepSeconds, cliFromSourcesFirstResultSeconds: cli.source.firstResult, cliFromSourcesCpuSeconds: cli.source.cpu },
    ratio: Math.round((mb / seconds / (mb / grepSeconds)) * 1000) / 1000,
    cliRatio: Math.round((cli.source.firstResult / cli.bundle.firstResult) * 1000) / 1000,
  };
  console.log(`Failure analysis throughput (${rows.length} dataset logs, ${mb.toFixed(1)} MB uncompressed, one core)\n`);
  console.log("what                                  MB/s      peak RSS MB   target");
  console.log(`analysis, dataset                     ${figures.mbPerSecond.toFixed(1).padStart(7)}   ${figures.peakRssMbDataset.toFixed(0).padStart(11)}   >= 50 MB/s`);
  console.log(`grep -cE 'error|fail', same bytes     ${figures.baseline.mbPerSecond.toFixed(1).padStart(7)}`);
  console.log(`analysis, ${figures.largeLogMb.toFixed(0)} MB log (child process) ${figures.largeLogMbPerSecond.toFixed(1).padStart(7)}   ${figures.largeLogPeakRssMb.toFixed(0).padStart(11)}   < 300 MB RSS`);
  console.log(`ratio analysis/grep: ${figures.ratio}`);
  console.log(`\ninfraflow analyze, 1 MB log, fresh process (median of ${CLI_RUNS})   first result   exit       CPU       target`);
  const row = (name: string, r: typeof cli.bundle, target = "") => console.log(`${name.padEnd(54)} ${r.firstResult.toFixed(3).padStart(9)} s   ${r.exit.toFixed(3)} s   ${r.cpu.toFixed(3)} s   ${target}`);
  row("prebuilt bundle (node bin/infraflow.mjs)", cli.bundle, "< 0.5 s");
  row("from the sources through tsx (before the bundle)", cli.source);
  row("bare node start on this machine now (reference)", cli.bareNode);
  console.log(`ratio tsx/bundle: ${figures.cliRatio}`);
  console.log(JSON.stringify(figures));
} finally {
  await rm(dir, { recursive: true, force: true });
}


/** Medians of: seconds from spawning `node <args>` to its first byte of output (the first result), to its exit, and its CPU seconds. */
async function timeCli(args: string[], cwd: string): Promise<{ firstResult: number; exit: number; cpu: number }> {
  const runs: { firstResult: number; exit: number; cpu: number }[] = [];
  for (let i = 0; i < CLI_RUNS + 1; i++) {
    const t0 = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9;
    const run = await new Promise<{ firstResult: number; exit: number; cpu: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", CPU_PROBE, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
      let first: number | undefined;
      let err = "";
      child.stdout.on("data", () => (first ??= seconds()));
      child.stderr.on("data", (c) => (err += String(c)));
      child.on("error", reject);
      child.on("close", (code) => {
        const cpu = /cpu-us (\d+)/.exec(err);
        if (code === 0 && first !== undefined && cpu) resolve({ firstResult: first, exit: seconds(), cpu: Number(cpu[1]) / 1e6 });
        else reject(new Error(`infraflow exited ${code}: ${err}`));
      });
    });
    if (i > 0) runs.push(run); // the first run warms the page cache
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { firstResult: median(runs.map((r) => r.firstResult)), exit: median(runs.map((r) => r.exit)), cpu: median(runs.map((r) => r.cpu)) };
}
