// Is this failure pre-existing? The same signature failing on the repository's default branch recently
// means the change under test did not cause it: it is marked flaky / pre-existing and not healed.
import { db, type Db } from "../db/client";

export interface PreexistingQuery {
  repoFullName: string;
  defaultBranch: string;
  signature: string;
  /** How far back "recently" reaches. */
  windowHours: number;
  /** The run being analysed, never counted as its own precedent. */
  excludeRunId?: bigint | number;
  now?: Date;
}

export interface PreexistingFailure {
  pipelineEventId: bigint;
  runId: bigint;
  commitSha: string;
  createdAt: Date;
}

export async function findPreexistingFailure(q: PreexistingQuery, client: Db = db()): Promise<PreexistingFailure | undefined> {
  const since = new Date((q.now ?? new Date()).getTime() - q.windowHours * 3600_000);
  const row = await client.pipelineEvent.findFirst({
    where: {
      repoFullName: q.repoFullName,
      branch: q.defaultBranch,
      failureSignature: q.signature,
      createdAt: { gte: since },
      ...(q.excludeRunId !== undefined ? { runId: { not: BigInt(q.excludeRunId) } } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, runId: true, commitSha: true, createdAt: true },
  });
  return row ? { pipelineEventId: row.id, runId: row.runId, commitSha: row.commitSha, createdAt: row.createdAt } : undefined;
}
