// Flow 2's first write: at most one open session per repository + branch + failure signature. A failure
// whose session is still open (being analysed, waiting for a decision, or applied and waiting for CI)
// joins it instead of starting a second one. Serialized in the database with a transaction-scoped
// advisory lock on that key, so two deliveries at once (or two app instances) cannot both open one.
import type { Db } from "../db/client";
import { appendAudit } from "./audit";

/** Sessions that still hold their failure: a new occurrence joins them. */
export const OPEN_SESSION = {
  OR: [{ status: { in: ["ANALYZING", "PENDING_APPROVAL"] } }, { status: "APPLIED", outcome: null }],
};

export interface FailureOccurrence {
  pipelineEventId: bigint;
  repoFullName: string;
  branch: string;
  commitSha: string;
  runId: string;
  failureType: string;
  signature: string;
  signatureText: string;
  excerpt: string;
  demo: boolean;
}

export type OpenOrJoinResult = { opened: true; sessionId: bigint } | { opened: false; sessionId: bigint; status: string };

export async function openOrJoinSession(db: Db, f: FailureOccurrence): Promise<OpenOrJoinResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`heal:${f.repoFullName}:${f.branch}:${f.signature}`}, 0))`;
    const open = await tx.healingSession.findFirst({
      where: { repoFullName: f.repoFullName, branch: f.branch, signature: f.signature, ...OPEN_SESSION },
      orderBy: { id: "desc" },
    });
    if (open) {
      // A redelivered or retried event for the run that opened it is not a repeat.
      if (open.pipelineEventId !== f.pipelineEventId) {
        await appendAudit(tx, open.id, "SYSTEM", "FAILURE_REPEATED", `The same failure happened again on ${f.branch} (run ${f.runId}, commit ${f.commitSha.slice(0, 7)}): joined this session`);
      }
      return { opened: false, sessionId: open.id, status: open.status };
    }
    const created = await tx.healingSession.create({
      data: {
        pipelineEventId: f.pipelineEventId,
        repoFullName: f.repoFullName,
        branch: f.branch,
        commitSha: f.commitSha,
        failureType: f.failureType,
        status: "ANALYZING",
        signature: f.signature,
        signatureText: f.signatureText,
        errorExcerpt: f.excerpt,
        demo: f.demo,
      },
    });
    await appendAudit(tx, created.id, "SYSTEM", "SESSION_OPENED", `${f.failureType} on ${f.branch} (run ${f.runId}, commit ${f.commitSha.slice(0, 7)})`);
    return { opened: true, sessionId: created.id };
  });
}
