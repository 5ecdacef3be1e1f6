// Child process of bench:analysis: analyses one (large) log file and reports time and peak RSS, so the
// measurement is not polluted by the parent's own memory.
import { analyzeLogFile } from "../../server/analysis/analyze-log";

const file = process.argv[2];
if (!file) throw new Error("usage: analysis-large.ts <log file>");
const t0 = process.hrtime.bigint();
const result = await analyzeLogFile(file);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, lines: result.facts.lines, failureType: result.failureType }));
