// npm run eval:analysis [-- --dataset ../shared/datasets] [--verbose] [--write-calibration]
// Quality of the failure analysis on ci-logs, beside a grep-and-keyword baseline measured in the same run:
// accuracy, per-class precision/recall, macro-F1, first-range hit and line recall; the reliability of the
// confidence (per evidence grade and per confidence bin, as shipped and with each project left out of the
// calibration); the score per source project; the repository's own fixtures; and whether any rule example
// or fixture line was copied from the data set. Last line: one JSON object.
// --write-calibration counts right answers per evidence grade into server/analysis/calibration.json.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyzeLogFile, analyzeLogText } from "../../server/analysis/analyze-log";
import { analyzeRunLogsZip, selectLogFiles } from "../../server/analysis/analyze-run-logs-zip";
import { type CalibrationCounts, confidenceFromCounts, EVIDENCE_GRADES, type EvidenceGrade } from "../../server/analysis/calibration";
import { cleanLogLine } from "../../server/analysis/normalize-log-line";
import { readZipEntries } from "../../server/analysis/read-zip-entries";
import { RULES } from "../../server/analysis/rules";
import { splitLines } from "../../server/analysis/split-lines";
import { baselineAnalyze } from "./analysis-baseline";
import { classScores, confusion, firstRangeHit, lineRecall, type Range, reliability, scoreByGroup } from "./analysis-metrics";

interface Row {
  id: string;
  path: string;
  project?: string;
  format: "text" | "github-actions-run-logs-zip";
  label?: string;
  errorLines?: Range[];
}

interface Outcome {
  row: Row;
  predicted: string;
  confidence: number;
  grade: EvidenceGrade;
  firstHit?: boolean;
  where?: string;
}

const { values } = parseArgs({
  options: { dataset: { type: "string", default: "../shared/datasets" }, verbose: { type: "boolean", default: false }, "write-calibration": { type: "boolean", default: false } },
});
const root = path.resolve(values.dataset!, "ci-logs");
const manifest = await readFile(path.join(root, "manifest.jsonl"), "utf8").catch(() => {
  console.error(`eval:analysis: no ${path.join(root, "manifest.jsonl")}; pass --dataset <path to shared/datasets>`);
  process.exit(2);
});
const rows: Row[] = manifest
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const projectOf = (o: Outcome) => o.row.project ?? o.row.id;

async function ours(row: Row) {
  const file = path.join(root, row.path);
  if (row.format === "text") {
    const r = await analyzeLogFile(file);
    return { ...r, grade: r.facts.grade, where: "" };
  }
  const { failure, logs } = await analyzeRunLogsZip(file);
  if (!failure) return { failureType: "UNKNOWN", confidence: 0, errorLines: [] as Range[], grade: "unknown" as EvidenceGrade, where: "" };
  const grade = logs.find((l) => l.entry === failure.entry)?.grade ?? "unknown";
  return { ...failure, grade, where: ` (${failure.job} / ${failure.step})` };
}

async function baseline(row: Row) {
  const file = path.join(root, row.path);
  if (row.format === "text") return baselineAnalyze(file);
  const { entries, close } = await readZipEntries(file);
  try {
    let best = { failureType: "UNKNOWN", errorLines: [] as Range[] };
    for (const f of selectLogFiles(entries)) {
      const r = await baselineAnalyze(await f.entry.open());
      if (r.errorLines.length > best.errorLines.length) best = r;
    }
    return best;
  } finally {
    close();
  }
}

const outcomes: Outcome[] = [];
const basePairs: { gold: string; predicted: string }[] = [];
const ranges = { ours: { hit: 0, recall: 0 }, base: { hit: 0, recall: 0 }, n: 0 };
const misses: string[] = [];
for (const row of rows) {
  const [o, b] = await Promise.all([ours(row), baseline(row)]);
  const outcome: Outcome = { row, predicted: o.failureType, confidence: o.confidence, grade: o.grade, where: o.where };
  if (row.label) {
    basePairs.push({ gold: row.label, predicted: b.failureType });
    if (o.failureType !== row.label) misses.push(`${row.id}: expected ${row.label}, got ${o.failureType} (${o.confidence})${o.where}`);
  }
  if (row.errorLines?.length) {
    ranges.n++;
    const hit = firstRangeHit(o.errorLines as Range[], row.errorLines);
    outcome.firstHit = hit;
    ranges.ours.hit += hit ? 1 : 0;
    ranges.ours.recall += lineRecall(o.errorLines as Range[], row.errorLines);
    ranges.base.hit += firstRangeHit(b.errorLines, row.errorLines) ? 1 : 0;
    ranges.base.recall += lineRecall(b.errorLines, row.errorLines);
    if (!hit) misses.push(`${row.id}: first range ${JSON.stringify(o.errorLines[0])} misses ${JSON.stringify(row.errorLines)}`);
  }
  outcomes.push(outcome);
}

const labelled = outcomes.filter((o) => o.row.label);
const correct = (o: Outcome) => o.predicted === o.row.label;
const oursScores = classScores(confusion(labelled.map((o) => ({ gold: o.row.label!, predicted: o.predicted }))));
const baseScores = classScores(confusion(basePairs));
const pct = (x: number) => x.toFixed(3);
console.log(`Failure analysis on ${root}: ${labelled.length} labelled logs from ${new Set(labelled.map(projectOf)).size} projects, ${ranges.n} with marked error lines\n`);
console.log("type                   support  precision  recall  f1      baseline recall");
for (const c of oursScores.perClass) {
  const base = baseScores.perClass.find((x) => x.label === c.label);
  console.log(`${c.label.padEnd(22)} ${String(c.support).padStart(7)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1)}   ${base ? pct(base.recall) : "-"}`);
}
console.log("\nconfusion (gold -> predicted):");
for (const [gold, row] of confusion(labelled.map((o) => ({ gold: o.row.label!, predicted: o.predicted }))).counts) console.log(`  ${gold.padEnd(22)} ${[...row].map(([p, n]) => `${p}:${n}`).join("  ")}`);

// macro-F1 averages over every label seen as gold or predicted (scikit-learn's default); the variant over
// the gold labels only is printed beside it because one predicted class absent from the gold set halves it.
const goldLabels = new Set(labelled.map((o) => o.row.label!));
const goldOnly = (s: typeof oursScores) => {
  const xs = s.perClass.filter((c) => goldLabels.has(c.label));
  return xs.length ? xs.reduce((a, c) => a + c.f1, 0) / xs.length : 0;
};
const minRecall = (s: typeof oursScores) => Math.min(...s.perClass.filter((c) => goldLabels.has(c.label)).map((c) => c.recall));
const figures = {
  accuracy: oursScores.accuracy,
  macroF1: oursScores.macroF1,
  macroF1GoldClasses: goldOnly(oursScores),
  minClassRecall: minRecall(oursScores),
  firstRangeHit: ranges.n ? ranges.ours.hit / ranges.n : 0,
  lineRecall: ranges.n ? ranges.ours.recall / ranges.n : 0,
};
const base = {
  accuracy: baseScores.accuracy,
  macroF1: baseScores.macroF1,
  macroF1GoldClasses: goldOnly(baseScores),
  minClassRecall: minRecall(baseScores),
  firstRangeHit: ranges.n ? ranges.base.hit / ranges.n : 0,
  lineRecall: ranges.n ? ranges.base.recall / ranges.n : 0,
};
console.log("\nmetric             ours    baseline (grep error|fail + keywords)   target");
console.log(`accuracy           ${pct(figures.accuracy)}   ${pct(base.accuracy)}                                    >= 0.95`);
console.log(`min class recall   ${pct(figures.minClassRecall)}   ${pct(base.minClassRecall)}                                    >= 0.85`);
console.log(`macro-F1           ${pct(figures.macroF1)}   ${pct(base.macroF1)}`);
console.log(`macro-F1 (gold)    ${pct(figures.macroF1GoldClasses)}   ${pct(base.macroF1GoldClasses)}`);
console.log(`first-range hit    ${pct(figures.firstRangeHit)}   ${pct(base.firstRangeHit)}                                    >= 0.90`);
console.log(`line recall        ${pct(figures.lineRecall)}   ${pct(base.lineRecall)}`);

// Calibration: right answers per evidence grade, the confidence each grade ships with, and the same
// confidence computed with the log's own project left out of the counts (what a new project would get).
const counts = new Map<EvidenceGrade, CalibrationCounts>();
const byProject = new Map<string, Map<EvidenceGrade, CalibrationCounts>>();
const add = (m: Map<EvidenceGrade, CalibrationCounts>, g: EvidenceGrade, ok: boolean) => {
  const c = m.get(g) ?? { n: 0, correct: 0 };
  c.n++;
  if (ok) c.correct++;
  m.set(g, c);
};
for (const o of labelled) {
  if (o.predicted === "UNKNOWN") continue;
  add(counts, o.grade, correct(o));
  const p = byProject.get(projectOf(o)) ?? new Map();
  add(p, o.grade, correct(o));
  byProject.set(projectOf(o), p);
}
const answered = labelled.filter((o) => o.predicted !== "UNKNOWN");
const lopoConfidence = (o: Outcome) => {
  const all = counts.get(o.grade) ?? { n: 0, correct: 0 };
  const own = byProject.get(projectOf(o))?.get(o.grade) ?? { n: 0, correct: 0 };
  return confidenceFromCounts({ n: all.n - own.n, correct: all.correct - own.correct });
};
console.log("\ncalibration per evidence grade (answers other than UNKNOWN):");
console.log("grade              answers  right   accuracy  confidence shipped  measured now");
for (const g of EVIDENCE_GRADES) {
  const c = counts.get(g);
  const shipped = answered.find((o) => o.grade === g)?.confidence;
  console.log(`${g.padEnd(18)} ${String(c?.n ?? 0).padStart(7)}  ${String(c?.correct ?? 0).padStart(5)}  ${c ? pct(c.correct / c.n).padStart(8) : "       -"}  ${shipped !== undefined ? pct(shipped).padStart(18) : "                 -"}  ${pct(confidenceFromCounts(c)).padStart(12)}`);
}
const shipped = reliability(answered.map((o) => ({ correct: correct(o), confidence: o.confidence })));
const lopo = reliability(answered.map((o) => ({ correct: correct(o), confidence: lopoConfidence(o) })));
console.log("\nreliability: of the answers given with a confidence in the bin, how many were right");
console.log("confidence    shipped: n  mean conf  accuracy     leave-one-project-out: n  mean conf  accuracy");
for (const edge of [0, 0.5, 0.7, 0.8, 0.9, 0.95]) {
  const a = shipped.bins.find((b) => b.from === edge);
  const l = lopo.bins.find((b) => b.from === edge);
  const cell = (b?: (typeof shipped.bins)[number]) => (b ? `${String(b.n).padStart(10)}  ${pct(b.meanConfidence).padStart(9)}  ${pct(b.accuracy).padStart(8)}` : `${"".padStart(10)}  ${"-".padStart(9)}  ${"-".padStart(8)}`);
  const to = edge === 0.95 ? 1 : [0.5, 0.7, 0.8, 0.9, 0.95][[0, 0.5, 0.7, 0.8, 0.9].indexOf(edge)];
  console.log(`[${edge.toFixed(2)}, ${to!.toFixed(2)}${edge === 0.95 ? "]" : ")"}  ${cell(a)}     ${cell(l).padStart(35)}`);
}
const unknown = labelled.filter((o) => o.predicted === "UNKNOWN");
console.log(`expected calibration error: shipped ${pct(shipped.ece)}, leave-one-project-out ${pct(lopo.ece)}; UNKNOWN answers: ${unknown.length}${unknown.length ? ` (mean confidence ${pct(unknown.reduce((s, o) => s + o.confidence, 0) / unknown.length)})` : ""}`);

// Per source project: nothing is trained, so this shows whether the rules fit one project better than the rest.
const perProject = scoreByGroup(labelled, projectOf, correct);
const rangeByProject = scoreByGroup(
  outcomes.filter((o) => o.firstHit !== undefined),
  projectOf,
  (o) => o.firstHit === true,
);
console.log(`\nper source project (${perProject.length}; worst first${values.verbose ? "" : ", the 12 worst — --verbose for all"}):`);
console.log("project                                              logs  accuracy  first-range hit");
for (const p of values.verbose ? perProject : perProject.slice(0, 12)) {
  const r = rangeByProject.find((x) => x.group === p.group);
  console.log(`${p.group.slice(0, 52).padEnd(52)} ${String(p.n).padStart(5)}  ${pct(p.accuracy).padStart(8)}  ${r ? `${pct(r.accuracy)} (${r.n})` : "-"}`);
}
for (const r of rangeByProject.filter((x) => !perProject.some((p) => p.group === x.group))) {
  console.log(`${r.group.slice(0, 52).padEnd(52)} ${String(r.n).padStart(5)}  ${"-".padStart(8)}  ${pct(r.accuracy)} (${r.n})`);
}
const projectAccuracies = perProject.map((p) => p.accuracy);
const perProjectFigures = { projects: perProject.length, worstProjectAccuracy: Math.min(...projectAccuracies), meanProjectAccuracy: projectAccuracies.reduce((a, b) => a + b, 0) / projectAccuracies.length };
console.log(`mean of per-project accuracies ${pct(perProjectFigures.meanProjectAccuracy)}, worst ${pct(perProjectFigures.worstProjectAccuracy)}`);
if (misses.length) console.log(`\nmisses (${misses.length}):\n  ${(values.verbose ? misses : misses.slice(0, 15)).join("\n  ")}`);

// The repository's own real-format fixtures for the ecosystems the dataset lacks. They were written
// beside the rules, so this is a coverage check, not an independent measurement.
const fixtureDir = path.resolve(import.meta.dirname, "../../server/analysis/fixtures");
const cases = JSON.parse(await readFile(path.join(fixtureDir, "cases.json"), "utf8")) as { file: string; type: string; firstRange: string; ecosystem: string }[];
let fixtureCorrect = 0;
let fixtureFirst = 0;
const fixtureMisses: string[] = [];
for (const c of cases) {
  const text = await readFile(path.join(fixtureDir, c.file), "utf8");
  const r = analyzeLogText(text);
  const first = r.errorLines[0];
  const hit = first !== undefined && splitLines(text).slice(first[0] - 1, first[1]).some((l) => l.includes(c.firstRange));
  fixtureCorrect += r.failureType === c.type ? 1 : 0;
  fixtureFirst += hit ? 1 : 0;
  if (r.failureType !== c.type || !hit) fixtureMisses.push(`${c.file}: ${r.failureType}${hit ? "" : ", first range misses"}`);
}
const fixtures = { logs: cases.length, ecosystems: new Set(cases.map((c) => c.ecosystem)).size, accuracy: fixtureCorrect / cases.length, firstRangeHit: fixtureFirst / cases.length };
console.log(`\nown fixtures (${fixtures.logs} logs, ${fixtures.ecosystems} tools; written beside the rules, a coverage check): accuracy ${pct(fixtures.accuracy)}, first-range hit ${pct(fixtures.firstRangeHit)}`);
if (fixtureMisses.length) console.log(`  ${fixtureMisses.join("\n  ")}`);

// Rules and fixtures describe the tools' formats: none of their distinctive lines may come from the data set.
const copied = await copiedFromDataset(cases.map((c) => path.join(fixtureDir, c.file)));
console.log(`\nrule examples or fixture lines found verbatim in the data set: ${copied.length}${copied.length ? `\n  ${copied.slice(0, 10).join("\n  ")}` : ""}`);

if (values["write-calibration"]) {
  const out = path.resolve(import.meta.dirname, "../../server/analysis/calibration.json");
  const grades = Object.fromEntries(EVIDENCE_GRADES.filter((g) => counts.has(g)).map((g) => [g, counts.get(g)]));
  const about = `Answers per evidence grade on ${path.relative(path.resolve(import.meta.dirname, "../.."), root) || root} (${answered.length} logs answered) and how many were right; written by \`npm run eval:analysis -- --write-calibration\`.`;
  await writeFile(out, `${JSON.stringify({ about, grades }, null, 2)}\n`);
  console.log(`\nwrote ${out}: run again to see the confidences it gives`);
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
console.log(
  JSON.stringify({
    eval: "analysis",
    logs: labelled.length,
    rangeLogs: ranges.n,
    ...figures,
    perClass: Object.fromEntries(oursScores.perClass.map((c) => [c.label, { support: c.support, precision: c.precision, recall: c.recall }])),
    calibration: { ece: shipped.ece, eceLeaveOneProjectOut: lopo.ece, bins: shipped.bins },
    perProject: perProjectFigures,
    baseline: base,
    ownFixtures: fixtures,
    copiedLines: copied.length,
    ratio: { accuracy: ratio(figures.accuracy, base.accuracy), macroF1: ratio(figures.macroF1, base.macroF1), firstRangeHit: ratio(figures.firstRangeHit, base.firstRangeHit) },
  }),
);

/** Distinctive lines (40+ characters naming a path or a qualified name) of rule examples and fixtures that occur in the data set's logs. */
async function copiedFromDataset(fixtureFiles: string[]): Promise<string[]> {
  // A tool's fixed texts (help links, "Copying resources") are the same everywhere; paths and names are not.
  const distinctive = (l: string) => l.length >= 40 && /[A-Za-z]{3,}[./][A-Za-z]{3,}/.test(l.replace(/https?:\/\/\S+/g, ""));
  const wanted = new Map<string, string>();
  for (const r of RULES) for (const e of r.examples) if (distinctive(cleanLogLine(e).trim())) wanted.set(cleanLogLine(e).trim(), `rule ${r.id}`);
  for (const f of fixtureFiles) {
    for (const l of splitLines(await readFile(f, "utf8"))) {
      const t = cleanLogLine(l).trim();
      if (distinctive(t) && !wanted.has(t)) wanted.set(t, `fixture ${path.basename(f)}`);
    }
  }
  const found = new Set<string>();
  const scan = (text: string) => {
    for (const l of splitLines(text)) {
      const t = cleanLogLine(l).trim();
      if (wanted.has(t)) found.add(`${wanted.get(t)}: ${t.slice(0, 120)}`);
    }
  };
  for (const row of rows) {
    const file = path.join(root, row.path);
    if (row.format === "text") scan(await readFile(file, "utf8"));
    else {
      const { entries, close } = await readZipEntries(file);
      for (const f of selectLogFiles(entries)) {
        const chunks: Buffer[] = [];
        for await (const c of await f.entry.open()) chunks.push(c as Buffer);
        scan(Buffer.concat(chunks).toString("utf8"));
      }
      close();
    }
  }
  for (const dir of ["cidiff"]) {
    for (const d of await readdir(path.join(root, dir)).catch(() => [] as string[])) {
      const pass = path.join(root, dir, d, "pass.log");
      scan(await readFile(pass, "utf8").catch(() => ""));
    }
  }
  return [...found].sort();
}
