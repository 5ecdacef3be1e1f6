// Flaky detection by re-running: ask GitHub to re-run the failed jobs of a run once. Waiting for the new
// attempt is the workflow engine's job (an Inngest function), never a poll or sleep here.
import type { Octokit } from "@octokit/rest";

export interface RerunRequest {
  owner: string;
  repo: string;
  runId: number;
}

/** POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs; the next attempt is runAttempt + 1. */
export async function rerunFailedJobs(octokit: Octokit, r: RerunRequest): Promise<void> {
  await octokit.rest.actions.reRunWorkflowFailedJobs({ owner: r.owner, repo: r.repo, run_id: r.runId });
}

/** Re-run only when the setting is on and this is the run's first attempt: "once", never in a loop. */
export function shouldRerunFailedJobs(o: { enabled: boolean; runAttempt: number; preexisting: boolean }): boolean {
  return o.enabled && o.runAttempt === 1 && !o.preexisting;
}
