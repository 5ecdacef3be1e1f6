// Apply, part 3: the session is APPLIED once its commit and pull request exist (then CI decides its outcome).
import type { Db } from "../db/client";
import { appendAudit } from "./audit";

export async function markApplied(db: Db, sessionId: bigint): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: sessionId, status: "PENDING_APPROVAL", fixCommitSha: { not: null } }, data: { status: "APPLIED" } });
    if (count === 1) {
      const s = await tx.healingSession.findUniqueOrThrow({ where: { id: sessionId } });
      await appendAudit(tx, sessionId, "SYSTEM", "APPLIED", `Fix applied on ${s.fixBranch} (${s.fixCommitSha?.slice(0, 7)})${s.pullRequestUrl ? `, pull request ${s.pullRequestUrl}` : ""}; waiting for CI`);
    }
    return count === 1;
  });
}
