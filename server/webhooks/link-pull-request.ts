// A pull request opened from an auto-fix branch belongs to the healing session that created the branch.
import { z } from "zod";
import type { Db } from "../db/client";

const pullRequestPayload = z.object({
  pull_request: z.object({ number: z.number().int(), html_url: z.string(), head: z.object({ ref: z.string() }) }),
  repository: z.object({ full_name: z.string() }),
});

export async function linkPullRequest(db: Db, payload: unknown, fixBranchPrefix: string): Promise<number> {
  const parsed = pullRequestPayload.safeParse(payload);
  if (!parsed.success || !parsed.data.pull_request.head.ref.startsWith(fixBranchPrefix)) return 0;
  const { pull_request: pr, repository } = parsed.data;
  const { count } = await db.healingSession.updateMany({
    where: { repoFullName: repository.full_name, fixBranch: pr.head.ref, pullRequestNumber: null },
    data: { pullRequestNumber: pr.number, pullRequestUrl: pr.html_url },
  });
  return count;
}
