// One scan over a set of files: secrets in every text file, injection flaws in Java / JS / TS / Python,
// vulnerable dependencies in manifests. A file that cannot be scanned (binary, too large, not UTF-8, an
// invalid manifest, unparsable code) is skipped with a note; it never stops the others.
import type { Finding } from "./catalog";
import type { Dependency } from "./deps/dependency";
import { InvalidManifest } from "./deps/dependency";
import { findVulnerableDependencies } from "./deps/find-vulnerable-dependencies";
import type { OsvOptions } from "./deps/osv-client";
import { isManifest, parseManifest } from "./deps/parse-manifest";
import { findSecrets } from "./secrets/find-secrets";
import { analyzeSource, parseSource, ProjectIndex, UnanalysableSource, type ParsedSource } from "./taint/find-injections";
import { languageOf } from "./taint/parsers";

export interface ScanInput {
  /** The path reported in findings. */
  path: string;
  content: Uint8Array;
}

export interface ScanNote {
  file: string | null;
  message: string;
}

export interface ScanOptions {
  /** null: no network (the built-in dependency rules only). */
  osv: OsvOptions | null;
  maxFileBytes: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScanReport {
  findings: Finding[];
  notes: ScanNote[];
  scannedFiles: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function scanFiles(inputs: ScanInput[], opts: ScanOptions): Promise<ScanReport> {
  const findings: Finding[] = [];
  const notes: ScanNote[] = [];
  const deps: Dependency[] = [];
  const sources: { path: string; parsed: ParsedSource }[] = [];
  const project = new ProjectIndex();
  let scanned = 0;
  const total = inputs.length;

  for (const [i, input] of inputs.entries()) {
    const text = readText(input, opts.maxFileBytes, notes);
    if (text !== null) {
      scanned++;
      await guarded(input.path, notes, async () => findings.push(...(await findSecrets(input.path, text))));
      if (isManifest(input.path)) {
        await guarded(input.path, notes, () => void deps.push(...parseManifest(input.path, text)));
      }
      const language = languageOf(input.path);
      if (language) {
        await guarded(input.path, notes, async () => {
          const parsed = await parseSource(text, language);
          project.add(parsed.mod, parsed.lang);
          sources.push({ path: input.path, parsed });
        });
      }
    }
    opts.onProgress?.(i + 1, total);
  }
  // Every source file is indexed before any is analysed, so calls into another file's class resolve.
  for (const s of sources) await guarded(s.path, notes, () => void findings.push(...analyzeSource(s.path, s.parsed, project)));

  const dependencyScan = await findVulnerableDependencies(deps, opts.osv);
  findings.push(...dependencyScan.findings);
  notes.push(...dependencyScan.notes.map((message) => ({ file: null, message })));
  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.ruleId.localeCompare(b.ruleId));
  return { findings, notes, scannedFiles: scanned };
}

function readText(input: ScanInput, maxBytes: number, notes: ScanNote[]): string | null {
  const skip = (message: string) => {
    notes.push({ file: input.path, message });
    return null;
  };
  if (input.content.byteLength > maxBytes) return skip(`skipped: ${input.content.byteLength} bytes is over the ${maxBytes}-byte limit`);
  if (input.content.subarray(0, 8192).includes(0)) return skip("skipped: binary file");
  try {
    return utf8.decode(input.content);
  } catch {
    return skip("skipped: not UTF-8 text");
  }
}

async function guarded(file: string, notes: ScanNote[], work: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (e instanceof InvalidManifest) notes.push({ file, message: `skipped as a manifest: ${e.message}` });
    else if (e instanceof UnanalysableSource) notes.push({ file, message: `not analysed for injection flaws: ${e.message}` });
    else notes.push({ file, message: `not scanned: ${(e as Error).message}` });
  }
}
