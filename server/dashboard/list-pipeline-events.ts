import { Prisma } from "@/generated/prisma/client";
import { assertRepoAccess, type Viewer } from "../access";
import { readableScope } from "../access/repo-scope";
import type { Db } from "../db/client";
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from "../http/pagination";
import { assertKnownRepo } from "../repos/known-repo";
import { toPipelineRunDto, type PipelineRunDto } from "./pipeline-event-dto";

export interface ListPipelineEventsOptions extends PageRequest {
  repo?: string;
  branch?: string;
}

/** Pipeline runs, newest first (runbook GET /api/dashboard/pipeline-events): one entry per run, its latest
 *  attempt, with every attempt inside (a re-run is an attempt of the same run, not another pipeline). */
export async function listPipelineEvents(db: Db, viewer: Viewer, opts: ListPipelineEventsOptions = {}): Promise<Page<PipelineRunDto>> {
  const size = pageSize(opts.limit);
  const repos = await readableScope(viewer, opts.repo);
  const after = opts.cursor ? decodeCursor(opts.cursor, ["string", "string"]) : null;
  const latest = await db.$queryRaw<{ id: bigint }[]>`
    SELECT p.id FROM pipeline_events p
    WHERE p.repo_full_name = ANY(${repos}::text[])
      AND (${opts.branch ?? null}::text IS NULL OR p.branch = ${opts.branch ?? null})
      AND NOT EXISTS (SELECT 1 FROM pipeline_events q WHERE q.run_id = p.run_id AND q.run_attempt > p.run_attempt)
      ${after ? Prisma.sql`AND (p.created_at, p.id) < (${new Date(after[0])}::timestamptz, ${BigInt(after[1])})` : Prisma.empty}
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT ${size + 1}`;
  const rows = await db.pipelineEvent.findMany({ where: { id: { in: latest.map((r) => r.id) } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const attempts = await db.pipelineEvent.findMany({ where: { runId: { in: rows.map((r) => r.runId) } }, orderBy: { runAttempt: "asc" } });
  return toPage(
    rows,
    size,
    (row) => toPipelineRunDto(row, attempts.filter((a) => a.runId === row.runId)),
    (row) => [row.createdAt.toISOString(), row.id.toString()],
  );
}

/** Branches seen in a repository's pipelines (runbook GET /api/dashboard/repos/{owner}/{repo}/branches). */
export async function listBranches(db: Db, viewer: Viewer, repo: string): Promise<string[]> {
  await assertRepoAccess(viewer, repo, "read");
  await assertKnownRepo(db, repo);
  const rows = await db.pipelineEvent.findMany({ where: { repoFullName: repo }, distinct: ["branch"], select: { branch: true }, orderBy: { branch: "asc" } });
  return rows.map((r) => r.branch);
}
