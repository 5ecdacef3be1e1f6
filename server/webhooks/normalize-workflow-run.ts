// workflow_run payload → the pipeline_events columns (runbook §7). Pure: no I/O.
import { z } from "zod";

const workflowRunPayload = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number().int(),
    name: z.string().nullish(),
    head_branch: z.string().nullish(),
    head_sha: z.string(),
    status: z.string().nullish(),
    conclusion: z.string().nullish(),
    run_attempt: z.number().int().optional(),
    html_url: z.string().optional(),
    event: z.string().optional(),
    updated_at: z.string().optional(),
    head_repository: z.object({ full_name: z.string() }).nullish(),
  }),
  repository: z.object({ full_name: z.string() }),
});

/** Conclusions that mean the code or pipeline failed (as opposed to cancelled, skipped, neutral). */
const FAILED = new Set(["failure", "timed_out", "startup_failure"]);

export interface NormalizedRun {
  action: string;
  repoFullName: string;
  branch: string;
  commitSha: string;
  workflowName: string;
  /** Runbook vocabulary: success | failure | cancelled once completed, else GitHub's run status. */
  status: string;
  conclusion: string | null;
  runId: bigint;
  runAttempt: number;
  runUrl: string | null;
  event: string | null;
  runUpdatedAt: Date | null;
  completed: boolean;
  failed: boolean;
  /** Where the run's code comes from: another repository for a fork's pull request. */
  headRepoFullName: string;
}

export class PayloadShapeError extends Error {
  constructor(event: string, detail: string) {
    super(`${event} payload is missing required fields: ${detail}`);
    this.name = "PayloadShapeError";
  }
}

export function normalizeWorkflowRun(payload: unknown): NormalizedRun {
  const parsed = workflowRunPayload.safeParse(payload);
  if (!parsed.success) {
    throw new PayloadShapeError("workflow_run", parsed.error.issues.map((i) => i.path.join(".")).join(", "));
  }
  const { action, workflow_run: run, repository } = parsed.data;
  const completed = run.status === "completed";
  const conclusion = run.conclusion ?? null;
  const failed = completed && conclusion !== null && FAILED.has(conclusion);
  const status = completed ? (failed ? "failure" : (conclusion ?? "completed")) : (run.status ?? action);
  const updated = run.updated_at ? new Date(run.updated_at) : null;
  return {
    action,
    repoFullName: repository.full_name,
    branch: run.head_branch ?? "",
    commitSha: run.head_sha,
    workflowName: run.name ?? "workflow",
    status,
    conclusion,
    runId: BigInt(run.id),
    runAttempt: run.run_attempt ?? 1,
    runUrl: run.html_url ?? null,
    event: run.event ?? null,
    runUpdatedAt: updated && !Number.isNaN(updated.getTime()) ? updated : null,
    completed,
    failed,
    headRepoFullName: run.head_repository?.full_name ?? repository.full_name,
  };
}
