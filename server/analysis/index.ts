// Failure analysis: fetch the logs, find the error lines, classify, sign (runbook §4.1 step 5, §4.2 step 3).
export type { AnalysisResult, JobAnalysisResult } from "./analysis-result";
export { FAILURE_TYPES, type FailureType, isFailureType } from "./failure-types";
export { analyzeLogChunks, analyzeLogFile, analyzeLogText, type AnalyzeOptions, type LogChunks } from "./analyze-log";
export { analyzeRunLogsZip, type RunLogsZipAnalysis, type ZipLogAnalysis } from "./analyze-run-logs-zip";
export { analyzeInput, type InputAnalysis } from "./analyze-input";
export { computeSignature, normalizeSignatureLine } from "./compute-signature";
export { LogCapper, type CappedLog } from "./cap-log-text";
export { listRunJobs, findFailedJobs, type RunJob, type RunStep, type FailedJob, type RunRef } from "./fetch-run-jobs";
export { fetchJobLog, type JobLog } from "./fetch-job-log";
export { fetchRunLogsZip } from "./fetch-run-logs-zip";
export { fetchFailureAnalysis, type FailureAnalysis, type JobFailure } from "./fetch-failure-analysis";
export { findPreexistingFailure, type PreexistingFailure, type PreexistingQuery } from "./find-preexisting-failure";
export { rerunFailedJobs, shouldRerunFailedJobs } from "./rerun-failed-jobs";
export { decideRerunOutcome, type RerunVerdict } from "./decide-rerun-outcome";
