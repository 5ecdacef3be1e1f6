// `infraflow scan <dir | files...> [--json]`: no database and no network (OSV is skipped offline, with a
// note). With --json, one JSON object per finding per line. Notes and progress go to stderr.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import type { CommandIo } from "../../analysis/cli/analyze-command";
import type { Finding } from "../catalog";
import { scanFiles, type ScanInput } from "../scan-files";

export const SCAN_USAGE = `Usage: infraflow scan <dir | files...> [--json]

Scans source files for hard-coded secrets, injection flaws (Java, JavaScript/TypeScript, Python) and
vulnerable dependency versions (pom.xml, build.gradle, package.json / package-lock.json, requirements.txt,
poetry.lock, go.mod). Works offline: the OSV advisory lookup is skipped.
  --json             one JSON object per finding per line
  --max-file-bytes   skip files larger than this (default 1048576)
  --help             this text`;

const SKIP_DIRS = new Set([".git", "node_modules", ".next", ".data", "__pycache__", ".venv", "venv", "target", "build", "dist"]);
const PROGRESS_EVERY = 200;

export async function runScanCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false }, "max-file-bytes": { type: "string", default: "1048576" } },
    });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${SCAN_USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${SCAN_USAGE}\n`);
    return 0;
  }
  const maxFileBytes = Number(parsed.values["max-file-bytes"]);
  if (parsed.positionals.length === 0 || !Number.isInteger(maxFileBytes) || maxFileBytes <= 0) {
    io.stderr.write(`${SCAN_USAGE}\n`);
    return 2;
  }

  const inputs: ScanInput[] = [];
  let missing = 0;
  for (const target of parsed.positionals) {
    try {
      if ((await stat(target)).isDirectory()) {
        for (const file of await walk(target)) inputs.push({ path: relative(target, file).split("\\").join("/"), content: await readFile(file) });
      } else inputs.push({ path: target, content: await readFile(target) });
    } catch (e) {
      missing++;
      io.stderr.write(`infraflow scan: ${target}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}\n`);
    }
  }

  const report = await scanFiles(inputs, {
    osv: null,
    maxFileBytes,
    onProgress: (done, total) => {
      if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) io.stderr.write(`infraflow scan: ${done}/${total} files\n`);
    },
  });
  for (const n of report.notes) io.stderr.write(`infraflow scan: ${n.file ? `${n.file}: ` : ""}${n.message}\n`);
  for (const f of report.findings) io.stdout.write(parsed.values.json ? `${JSON.stringify(toJson(f))}\n` : toText(f));
  if (!parsed.values.json) io.stdout.write(`${report.findings.length} finding(s) in ${report.scannedFiles} file(s)\n`);
  if (missing > 0) return 2;
  return report.findings.length > 0 ? 1 : 0;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...(await walk(path)));
    } else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

function toJson(f: Finding) {
  return { file: f.file, line: f.line, vulnerabilityType: f.vulnerabilityType, cwe: f.cwe, severity: f.severity, ruleId: f.ruleId, message: f.message, ...(f.cveId ? { cveId: f.cveId } : {}) };
}

function toText(f: Finding): string {
  return `${f.file}${f.line !== null ? `:${f.line}` : ""}: ${f.severity} ${f.vulnerabilityType}${f.cwe ? ` (CWE-${f.cwe})` : ""} [${f.ruleId}]\n  ${f.message}${f.evidence ? `\n  evidence: ${f.evidence}` : ""}${f.cveId ? `\n  ${f.cveId}` : ""}\n  fix: ${f.fixAdvice}\n`;
}
