// One job's log through the API (GET .../actions/jobs/{id}/logs answers 302 to the plain text; Octokit's
// fetch follows it). The body is streamed through the analysis and the capper, so a log of any size is
// analysed whole while only a capped text (error region kept) is held.
import type { Octokit } from "@octokit/rest";
import type { AnalysisResult } from "./analysis-result";
import { analyzeLogChunks, type LogChunks, withoutFacts } from "./analyze-log";
import { type CappedLog, LogCapper } from "./cap-log-text";
import { bodyChunks } from "./response-body";

export interface JobLog {
  analysis: AnalysisResult;
  /** The `##[group]Run ...` step the error is in, as the log shows it. */
  stepInLog?: string;
  log: CappedLog;
}

export interface FetchJobLogOptions {
  owner: string;
  repo: string;
  jobId: number;
  /** Bytes of log text kept (the analysis still reads everything). */
  maxBytes: number;
}

export async function fetchJobLog(octokit: Octokit, o: FetchJobLogOptions): Promise<JobLog> {
  const response = await octokit.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
    owner: o.owner,
    repo: o.repo,
    job_id: o.jobId,
    request: { parseSuccessResponseBody: false },
  });
  return analyzeCapped(bodyChunks(response.data), o.maxBytes);
}

export async function analyzeCapped(chunks: LogChunks, maxBytes: number): Promise<JobLog> {
  const capper = new LogCapper(maxBytes);
  const result = await analyzeLogChunks(chunks, { onLine: (line, inRange) => capper.push(line, inRange) });
  return { analysis: withoutFacts(result), stepInLog: result.facts.step, log: capper.result() };
}
