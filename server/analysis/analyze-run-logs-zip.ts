// Analyses the archive GitHub returns for "download workflow run logs": one folder per job with one file
// per step ("build/4_Run mvn verify.txt"), plus one whole-job file per job at the top ("1_build.txt").
// Step files are analysed when a job has them (the step is then known exactly); otherwise the whole-job
// file is, and the step is the last "##[group]Run ..." before the error. The failing job is the one the
// runner marked failed (not merely cancelled by fail-fast) with the strongest evidence.
import type { JobAnalysisResult } from "./analysis-result";
import type { EvidenceGrade } from "./calibration";
import { analyzeLogChunks, type AnalysisWithFacts, withoutFacts } from "./analyze-log";
import { readZipEntries, type ZipEntry } from "./read-zip-entries";

export interface ZipLogAnalysis extends JobAnalysisResult {
  /** The archive entry the line numbers refer to. */
  entry: string;
}

export interface RunLogsZipAnalysis {
  /** The failing job's analysis, or undefined for an archive with no logs. */
  failure?: ZipLogAnalysis;
  /** Every analysed entry, failing or not (the fetch fallback maps them to jobs by name). */
  logs: (ZipLogAnalysis & { failed: boolean; cancelledOnly: boolean; score: number; grade: EvidenceGrade })[];
}

interface LogFile {
  entry: ZipEntry;
  job: string;
  step?: string;
}

const STEP_FILE = /^([^/]+)\/(\d+)_(.+)\.txt$/;
const JOB_FILE = /^(\d+)_(.+)\.txt$/;

export function selectLogFiles(entries: ZipEntry[]): LogFile[] {
  const stepFiles: LogFile[] = [];
  const jobsWithSteps = new Set<string>();
  for (const entry of entries) {
    const m = STEP_FILE.exec(entry.name);
    if (m) {
      stepFiles.push({ entry, job: m[1]!, step: m[3]! });
      jobsWithSteps.add(m[1]!);
    }
  }
  const jobFiles: LogFile[] = [];
  for (const entry of entries) {
    const m = JOB_FILE.exec(entry.name);
    if (!m) continue;
    const job = m[2]!;
    // Whole-job file names are cut short by GitHub: "3_Old JDBC ... on jdbc-cento.txt".
    const covered = [...jobsWithSteps].some((j) => j === job || j.startsWith(job));
    if (!covered) jobFiles.push({ entry, job });
  }
  return [...stepFiles, ...jobFiles];
}

export async function analyzeRunLogsZip(source: string | Buffer): Promise<RunLogsZipAnalysis> {
  const { entries, close } = await readZipEntries(source);
  try {
    const logs: RunLogsZipAnalysis["logs"] = [];
    for (const file of selectLogFiles(entries)) {
      const result: AnalysisWithFacts = await analyzeLogChunks(await file.entry.open());
      logs.push({
        ...withoutFacts(result),
        job: file.job,
        step: file.step ?? result.facts.step,
        entry: file.entry.name,
        failed: result.facts.failed,
        cancelledOnly: result.facts.cancelledOnly,
        score: result.facts.score,
        grade: result.facts.grade,
      });
    }
    const ranked = [...logs].sort(
      (a, b) => rank(b) - rank(a) || b.score - a.score || b.errorLines.length - a.errorLines.length || a.entry.localeCompare(b.entry),
    );
    const best = ranked[0];
    return { failure: best ? stripRank(best) : undefined, logs };
  } finally {
    close();
  }
}

function rank(l: { failed: boolean; cancelledOnly: boolean; score: number }): number {
  return l.failed ? 2 : l.score > 0 ? 1 : 0;
}

function stripRank(l: RunLogsZipAnalysis["logs"][number]): ZipLogAnalysis {
  const { failed: _f, cancelledOnly: _c, score: _s, grade: _g, ...rest } = l;
  return rest;
}
