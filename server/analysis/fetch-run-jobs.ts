// The jobs of a workflow run, and which of them (and which of their steps) failed.
import type { Octokit } from "@octokit/rest";

export interface RunStep {
  number: number;
  name: string;
  conclusion: string | null;
}

export interface RunJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  steps: RunStep[];
}

export interface RunRef {
  owner: string;
  repo: string;
  runId: number;
  /** A specific attempt; the latest attempt's jobs otherwise. */
  attempt?: number;
}

export async function listRunJobs(octokit: Octokit, ref: RunRef): Promise<RunJob[]> {
  const jobs =
    ref.attempt === undefined
      ? await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, { owner: ref.owner, repo: ref.repo, run_id: ref.runId, filter: "latest", per_page: 100 })
      : await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, { owner: ref.owner, repo: ref.repo, run_id: ref.runId, attempt_number: ref.attempt, per_page: 100 });
  return jobs.map((j) => ({
    id: j.id,
    name: j.name,
    status: j.status,
    conclusion: j.conclusion ?? null,
    startedAt: j.started_at ?? null,
    steps: (j.steps ?? []).map((s) => ({ number: s.number, name: s.name, conclusion: s.conclusion ?? null })),
  }));
}

const FAILED = new Set(["failure", "timed_out", "startup_failure"]);

export interface FailedJob extends RunJob {
  failedSteps: RunStep[];
}

/**
 * Jobs that failed, with their failed steps. Jobs only cancelled (by fail-fast, because another job
 * failed) are not failures of their own; they are returned only when no job failed outright.
 */
export function findFailedJobs(jobs: RunJob[]): FailedJob[] {
  const failed = jobs.filter((j) => FAILED.has(j.conclusion ?? ""));
  const chosen = failed.length > 0 ? failed : jobs.filter((j) => j.conclusion === "cancelled");
  return chosen.map((j) => ({ ...j, failedSteps: j.steps.filter((s) => FAILED.has(s.conclusion ?? "") || (failed.length === 0 && s.conclusion === "cancelled")) }));
}
