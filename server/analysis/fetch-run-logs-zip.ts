// The run-logs archive (GET .../actions/runs/{id}/logs, a 302 to the zip): the fallback when a job's own
// log is gone or unavailable. The download stops as soon as it passes the cap.
import type { Octokit } from "@octokit/rest";
import { AppError } from "../errors";
import { analyzeRunLogsZip, type RunLogsZipAnalysis } from "./analyze-run-logs-zip";
import { readBodyCapped } from "./response-body";

export interface FetchRunLogsZipOptions {
  owner: string;
  repo: string;
  runId: number;
  maxZipBytes: number;
}

export async function fetchRunLogsZip(octokit: Octokit, o: FetchRunLogsZipOptions): Promise<RunLogsZipAnalysis> {
  const response = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs", {
    owner: o.owner,
    repo: o.repo,
    run_id: o.runId,
    request: { parseSuccessResponseBody: false },
  });
  const bytes = await readBodyCapped(response.data, o.maxZipBytes);
  if (!bytes) throw new AppError("PAYLOAD_TOO_LARGE", `run ${o.runId}: logs archive is over the cap of ${o.maxZipBytes} bytes`);
  return analyzeRunLogsZip(bytes);
}
