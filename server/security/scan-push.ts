// A push's changed files, fetched and scanned (no writes): the durable function stores the result.
import type { Logger } from "pino";
import type { GitHubClient } from "../github/octokit";
import type { Finding } from "./catalog";
import type { OsvOptions } from "./deps/osv-client";
import { fetchPushFiles, type PushFilesRequest } from "./fetch-push-files";
import { scanFiles, type ScanNote } from "./scan-files";
import { MAX_FINDINGS_PER_COMMIT, SEVERITY_ORDER } from "./store-scan-results";

export interface ScanPushRequest extends PushFilesRequest {
  osv: OsvOptions | null;
}

export interface PushScan {
  filesScanned: number;
  findings: Finding[];
  notes: ScanNote[];
}

export async function scanPush(github: GitHubClient, log: Logger, req: ScanPushRequest): Promise<PushScan> {
  const fetched = await fetchPushFiles(github, req);
  log.info({ repo: req.repoFullName, commit: req.after, files: fetched.files.length, mode: fetched.mode }, `Scanning ${fetched.files.length} changed files of ${req.repoFullName}@${req.after.slice(0, 7)}`);
  const report = await scanFiles(fetched.files, { osv: req.osv, maxFileBytes: req.maxFileBytes });
  const notes = [...fetched.notes, ...report.notes];
  // The result travels as a step's output: keep it bounded, most severe first.
  const findings = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (findings.length > MAX_FINDINGS_PER_COMMIT) notes.push({ file: null, message: `${findings.length} findings: only the ${MAX_FINDINGS_PER_COMMIT} most severe are kept` });
  return { filesScanned: report.scannedFiles, findings: findings.slice(0, MAX_FINDINGS_PER_COMMIT), notes };
}
