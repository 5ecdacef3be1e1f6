// Verify (flow 3): an applied fix's outcome is decided when every workflow that ran on the failing commit
// has completed on the fix commit — not when the first one finishes. Only runs of the monitored repository
// itself count: a fork's pull request from a branch with the same name runs in the base repository's
// Actions too, with the fork as head_repository, and must not decide anything.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { GitHubClient } from "../github/octokit";
import { splitRepoFullName } from "../repos/repo-name";

export interface RunView {
  id: number;
  name: string;
  status: string | null;
  conclusion: string | null;
  headRepository: string | null;
  updatedAt: string;
}

export type FixRunsVerdict =
  | { decided: false; waitingFor: string[] }
  | { decided: true; conclusion: "success" | "failure" | "cancelled"; failedRunId: string | null; completedAt: string; workflows: string[] };

const FAILED = new Set(["failure", "timed_out", "startup_failure"]);
const PASSED = new Set(["success", "neutral", "skipped"]);

/** Pure: the verdict from the runs on the failing commit and on the fix commit. */
export function decideFixRuns(repoFullName: string, failingRuns: RunView[], fixRuns: RunView[]): FixRunsVerdict {
  const own = (r: RunView) => r.headRepository === repoFullName;
  const required = [...new Set(failingRuns.filter(own).map((r) => r.name))].sort();
  const candidates = fixRuns.filter(own);
  const waitingFor = required.filter((name) => {
    const runs = candidates.filter((r) => r.name === name);
    return runs.length === 0 || runs.some((r) => r.status !== "completed");
  });
  if (required.length === 0 || waitingFor.length > 0) return { decided: false, waitingFor: required.length === 0 ? ["(no workflow ran on the failing commit)"] : waitingFor };
  const deciding = candidates.filter((r) => required.includes(r.name));
  const failed = deciding.find((r) => FAILED.has(r.conclusion ?? ""));
  const conclusion = failed ? "failure" : deciding.every((r) => PASSED.has(r.conclusion ?? "")) ? "success" : "cancelled";
  const completedAt = deciding.map((r) => r.updatedAt).sort().at(-1)!;
  return { decided: true, conclusion, failedRunId: failed ? String(failed.id) : null, completedAt, workflows: required };
}

export async function checkFixRuns(o: { db: Db; github: GitHubClient; sessionId: bigint }): Promise<FixRunsVerdict> {
  const s = await o.db.healingSession.findUnique({ where: { id: o.sessionId } });
  if (!s) throw new AppError("NOT_FOUND", `Healing session ${o.sessionId} does not exist`);
  if (!s.fixCommitSha) return { decided: false, waitingFor: ["(the fix is not committed yet)"] };
  const { owner, repo } = splitRepoFullName(s.repoFullName);
  const list = async (sha: string): Promise<RunView[]> => {
    const runs = await o.github.paginate(o.github.rest.actions.listWorkflowRunsForRepo, { owner, repo, head_sha: sha, per_page: 100 });
    return runs.map((r) => ({
      id: r.id,
      name: r.name ?? String(r.workflow_id),
      status: r.status,
      conclusion: r.conclusion,
      headRepository: r.head_repository?.full_name ?? null,
      updatedAt: r.updated_at,
    }));
  };
  const [failing, fix] = await Promise.all([list(s.commitSha), list(s.fixCommitSha)]);
  return decideFixRuns(s.repoFullName, failing, fix);
}
