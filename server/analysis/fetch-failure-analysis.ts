// Retrieval for one failed run (runbook §4.1 step 5): the run's jobs, the failed jobs and their failed
// steps, each failed job's log analysed (capped, error region kept), and the run-logs zip as the
// fallback for jobs whose own log cannot be had (expired, 404/410, or any error fetching it).
import type { Octokit } from "@octokit/rest";
import { logger } from "../logger";
import type { AnalysisResult } from "./analysis-result";
import type { CappedLog } from "./cap-log-text";
import { fetchJobLog } from "./fetch-job-log";
import { fetchRunLogsZip } from "./fetch-run-logs-zip";
import { type FailedJob, findFailedJobs, listRunJobs, type RunRef } from "./fetch-run-jobs";
import type { RunLogsZipAnalysis } from "./analyze-run-logs-zip";

export interface JobFailure {
  jobId: number;
  job: string;
  /** The failed step as the jobs API names it, else as the log shows it. */
  step?: string;
  analysis: AnalysisResult;
  /** The job log capped to the budget; absent when the analysis came from the run-logs zip. */
  log?: CappedLog;
  source: "job-log" | "run-logs-zip";
}

export interface FailureAnalysis {
  jobs: JobFailure[];
  /** The failure to heal: the failed job with the strongest evidence, the first to start among equals. */
  primary?: JobFailure;
  /** Failed jobs for which no log could be had at all. */
  missing: { jobId: number; job: string; reason: string }[];
}

export interface FetchFailureOptions extends RunRef {
  maxLogBytes: number;
  maxZipBytes?: number;
}

export async function fetchFailureAnalysis(octokit: Octokit, o: FetchFailureOptions): Promise<FailureAnalysis> {
  const log = logger("failure-analysis");
  const failed = findFailedJobs(await listRunJobs(octokit, o));
  const jobs: JobFailure[] = [];
  const needZip: { job: FailedJob; reason: string }[] = [];
  for (const job of failed) {
    try {
      const { analysis, stepInLog, log: text } = await fetchJobLog(octokit, { owner: o.owner, repo: o.repo, jobId: job.id, maxBytes: o.maxLogBytes });
      jobs.push({ jobId: job.id, job: job.name, step: job.failedSteps[0]?.name ?? stepInLog, analysis, log: text, source: "job-log" });
    } catch (e) {
      const reason = describe(e);
      log.warn({ jobId: job.id, reason }, "job log unavailable, falling back to the run logs archive");
      needZip.push({ job, reason });
    }
  }
  const missing: FailureAnalysis["missing"] = [];
  if (needZip.length > 0) {
    let zip: RunLogsZipAnalysis | undefined;
    try {
      zip = await fetchRunLogsZip(octokit, { owner: o.owner, repo: o.repo, runId: o.runId, maxZipBytes: o.maxZipBytes ?? 256 * 1024 * 1024 });
    } catch (e) {
      for (const { job, reason } of needZip) missing.push({ jobId: job.id, job: job.name, reason: `${reason}; run logs archive: ${describe(e)}` });
    }
    for (const { job, reason } of zip ? needZip : []) {
      const found = bestZipLogFor(zip!, job.name);
      if (!found) {
        missing.push({ jobId: job.id, job: job.name, reason: `${reason}; not in the run logs archive` });
        continue;
      }
      const { job: _j, step, entry: _e, failed: _f, cancelledOnly: _c, score: _s, grade: _g, ...analysis } = found;
      jobs.push({ jobId: job.id, job: job.name, step: job.failedSteps[0]?.name ?? step, analysis, source: "run-logs-zip" });
    }
  }
  const order = new Map(failed.map((j, i) => [j.id, i]));
  const primary = [...jobs].sort((a, b) => strength(b) - strength(a) || order.get(a.jobId)! - order.get(b.jobId)!)[0];
  return { jobs, primary, missing };
}

/** GitHub names a job's folder in the archive after the job, without characters it cannot use in paths. */
export function zipJobName(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, "").trim();
}

function bestZipLogFor(zip: RunLogsZipAnalysis, jobName: string) {
  const wanted = zipJobName(jobName);
  const candidates = zip.logs.filter((l) => l.job === wanted || (l.job !== undefined && wanted.startsWith(l.job)));
  return candidates.sort((a, b) => Number(b.failed) - Number(a.failed) || b.score - a.score)[0];
}

/** Calibrated confidence: equal for failures decided the same way, and then the first job to fail wins. */
function strength(j: JobFailure): number {
  return j.analysis.failureType === "UNKNOWN" ? 0 : j.analysis.confidence;
}

function describe(e: unknown): string {
  const status = (e as { status?: number }).status;
  return status ? `HTTP ${status}` : e instanceof Error ? e.message : String(e);
}
