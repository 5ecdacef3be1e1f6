// `infraflow analyze <log file | run-logs zip | -> ... [--json]`: no database, no network. With --json,
// one JSON object per input on its own line: {file, failureType, confidence, signature, errorLines,
// excerpt} plus job, step and entry (the file inside the archive) for a run-logs zip.
import { parseArgs } from "node:util";
import type { CommandIo } from "../../cli/command-io";
import { analyzeInput, type InputAnalysis } from "../analyze-input";

export type { CommandIo } from "../../cli/command-io";

export const ANALYZE_USAGE = `Usage: infraflow analyze <log file | run-logs zip | -> ... [--json]

Classifies each CI log (a GitHub Actions, GitLab CI, Travis CI or Jenkins job log, or the zip GitHub
returns for a run's logs; - reads stdin), prints its failure type, calibrated confidence, signature,
error line ranges (the root cause first) and an excerpt of the cause.
  --json   one JSON object per input per line
  --help   this text`;

export async function runAnalyzeCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${ANALYZE_USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    io.stderr.write(`${ANALYZE_USAGE}\n`);
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    try {
      const result = await analyzeInput(file === "-" ? io.stdin : file);
      io.stdout.write(parsed.values.json ? `${JSON.stringify(toJson(file, result))}\n` : toText(file, result));
    } catch (e) {
      failures++;
      io.stderr.write(`infraflow analyze: ${file}: ${(e as Error).message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function toJson(file: string, r: InputAnalysis) {
  return {
    file,
    failureType: r.failureType,
    confidence: r.confidence,
    signature: r.signature,
    errorLines: r.errorLines,
    excerpt: r.excerpt,
    ...(r.job !== undefined ? { job: r.job } : {}),
    ...(r.step !== undefined ? { step: r.step } : {}),
    ...(r.entry !== undefined ? { entry: r.entry } : {}),
  };
}

function toText(file: string, r: InputAnalysis): string {
  const where = r.job ? ` (job ${JSON.stringify(r.job)}${r.step ? `, step ${JSON.stringify(r.step)}` : ""})` : "";
  const ranges = r.errorLines.map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(", ") || "none";
  const excerpt = r.excerpt ? `\n${r.excerpt.split("\n").map((l) => `  | ${l}`).join("\n")}` : "";
  return `${file}${where}: ${r.failureType} (confidence ${r.confidence.toFixed(2)})\n  signature ${r.signature.slice(0, 16)}\n  error lines ${ranges}${excerpt}\n\n`;
}

