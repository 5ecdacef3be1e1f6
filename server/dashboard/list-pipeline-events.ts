import type { Db } from "../db/client";
import { toPipelineEventDto, type PipelineEventDto } from "./pipeline-event-dto";

export interface ListPipelineEventsOptions {
  repo?: string;
  branch?: string;
  limit?: number;
}

/** Newest first (runbook GET /api/dashboard/pipeline-events). */
export async function listPipelineEvents(db: Db, opts: ListPipelineEventsOptions = {}): Promise<PipelineEventDto[]> {
  const rows = await db.pipelineEvent.findMany({
    where: { ...(opts.repo && { repoFullName: opts.repo }), ...(opts.branch && { branch: opts.branch }) },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 100,
  });
  return rows.map(toPipelineEventDto);
}

/** Branches seen in a repository's pipelines (runbook GET /api/dashboard/repos/{owner}/{repo}/branches). */
export async function listBranches(db: Db, repo: string): Promise<string[]> {
  const rows = await db.pipelineEvent.findMany({ where: { repoFullName: repo }, distinct: ["branch"], select: { branch: true }, orderBy: { branch: "asc" } });
  return rows.map((r) => r.branch);
}
