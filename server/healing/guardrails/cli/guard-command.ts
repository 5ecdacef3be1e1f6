// `infraflow guard <diff file | -> ... [--json]`: checks unified diffs (git format) offline, with the same
// rules the healing loop applies to every fix. With --json, one JSON object per input on its own line:
// {file, verdict: "pass"|"block", findings: [{rule, path, line, message}]}; an input that cannot be read
// or is not a diff gets {file, verdict: "error", error} (and a message on stderr). Exit code: 0 when every
// input passes, 1 when any is blocked, 2 when any input is bad (the others are still checked).
import { readFile } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { checkPatch } from "..";
import type { GuardrailReport } from "../types";

export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const GUARD_USAGE = `Usage: infraflow guard <diff file | -> ... [--json] [--allow-workflow-edits]

Checks each unified diff (git format; - reads stdin) against the fix guardrails: skipped, deleted or
weakened tests, waits and retries, masked build/CI failures, silenced checks, protected paths.
  --json                  one JSON object per input per line
  --allow-workflow-edits  let CI definitions be edited (HEALING_ALLOW_WORKFLOW_EDITS)
  --help                  this text
Exit code: 0 all pass, 1 any blocked, 2 bad input (unreadable, not a diff).`;

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function runGuardCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        "allow-workflow-edits": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${GUARD_USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${GUARD_USAGE}\n`);
    return 0;
  }
  const inputs = parsed.positionals;
  if (inputs.length === 0) {
    io.stderr.write(`${GUARD_USAGE}\n`);
    return 2;
  }
  if (inputs.filter((f) => f === "-").length > 1) {
    io.stderr.write("infraflow guard: stdin (-) can be read only once\n");
    return 2;
  }
  const options = { allowWorkflowEdits: parsed.values["allow-workflow-edits"] };
  let bad = 0;
  let blocked = 0;
  for (const file of inputs) {
    let report: GuardrailReport;
    try {
      const text = file === "-" ? await readStream(io.stdin) : await readInput(file);
      report = checkPatch(text, options);
    } catch (e) {
      bad++;
      const reason = (e as NodeJS.ErrnoException).code ? describeIoError(e as NodeJS.ErrnoException) : (e as Error).message;
      io.stderr.write(`infraflow guard: ${file}: ${reason}\n`);
      if (parsed.values.json) io.stdout.write(`${JSON.stringify({ file, verdict: "error", error: reason })}\n`);
      continue;
    }
    if (report.verdict === "block") blocked++;
    io.stdout.write(parsed.values.json ? `${JSON.stringify(toJson(file, report))}\n` : toText(file, report));
  }
  return bad > 0 ? 2 : blocked > 0 ? 1 : 0;
}

async function readInput(file: string): Promise<string> {
  const buf = await readFile(file);
  if (buf.length > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES} bytes`);
  return decode(buf);
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(b);
  }
  return decode(Buffer.concat(chunks));
}

function decode(buf: Buffer): string {
  if (buf.includes(0)) throw new Error("not a unified diff: binary data");
  return buf.toString("utf8");
}

function describeIoError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ENOENT": return "no such file";
    case "EACCES": return "permission denied";
    case "EISDIR": return "is a directory";
    default: return e.message;
  }
}

function toJson(file: string, r: GuardrailReport) {
  return { file, verdict: r.verdict, findings: r.findings.map((f) => ({ rule: f.rule, path: f.path, line: f.line, message: f.message })) };
}

function toText(file: string, r: GuardrailReport): string {
  if (r.verdict === "pass") return `${file}: pass\n\n`;
  const lines = r.findings.map((f) => `  ${f.rule.padEnd(24)} ${f.path}${f.line !== null ? `:${f.line}${f.side === "old" ? " (removed line)" : ""}` : ""}\n      ${f.message}`);
  return `${file}: BLOCK (${r.findings.length} finding${r.findings.length === 1 ? "" : "s"})\n${lines.join("\n")}\n\n`;
}
