// Everything the review page (/healing/[id]) shows about one session: the fix as a highlighted diff per
// file, guardrail findings, confidence and where it came from, LLM accounting, links, and what the viewer
// may decide. Reads are gated by repository access; the buttons by push access.
import { canAccessRepo, assertRepoAccess, type Viewer } from "../../access";
import type { Db } from "../../db/client";
import { githubEndpoints } from "../../github/endpoints";
import { currentKbContext, type KbContextOptions } from "../../knowledge/kb-context";
import { fixPlanSchema } from "../fix-plan";
import { AppError } from "../../errors";
import { parseSessionId } from "../read-sessions";
import { toSessionDetailDto } from "../session-dto";
import { allowedDecisions } from "./allowed-decisions";
import { errorLineIndexes } from "./error-lines";
import { fixDiffs, shownLines } from "./fix-diffs";
import { highlightLines, type LineTokens } from "./highlight-lines";

export interface ReviewFinding {
  rule: string;
  path: string;
  line: number | null;
  side: "new" | "old" | null;
  message: string;
}

export interface GetSessionReviewOptions {
  db: Db;
  viewer: Viewer;
  id: string;
  githubUrl: string;
  kb?: KbContextOptions;
}

export async function getSessionReview({ db, viewer, id, githubUrl, kb }: GetSessionReviewOptions) {
  const row = await db.healingSession.findUnique({
    where: { id: parseSessionId(id) },
    include: { pipelineEvent: { select: { runUrl: true, workflowName: true } }, _count: { select: { recodes: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `Healing session ${id} does not exist`);
  // A session of a repository the viewer may not read is not found, like a missing one.
  await assertRepoAccess(viewer, row.repoFullName, "read");
  const session = toSessionDetailDto(row);
  const parsed = row.fixPlan === null ? null : fixPlanSchema.safeParse(row.fixPlan);
  const plan = parsed?.success ? parsed.data : null;
  const files = plan
    ? await Promise.all(
        fixDiffs(plan.changes).map(async (file, i) => {
          const change = plan.changes[i]!;
          const lines = shownLines(file.diff);
          const [oldTokens, newTokens] = await Promise.all<[Promise<LineTokens> | LineTokens, Promise<LineTokens> | LineTokens]>([
            change.action === "create" ? {} : highlightLines(file.path, change.originalContent ?? "", lines.old),
            change.action === "delete" ? {} : highlightLines(file.path, change.content, lines.new),
          ]);
          return { ...file, tokens: { old: oldTokens, new: newTokens } };
        }),
      )
    : [];
  const kbFix = session.source === "KNOWLEDGE_BASE" && row.kbFixId ? await currentKbContext(kb ?? {}).kb.getFix(row.kbFixId).catch(() => null) : null;
  const decided = kbFix ? kbFix.successCount + kbFix.failureCount : 0;
  const web = githubEndpoints(githubUrl).web;
  const repoUrl = `${web}/${session.repoFullName}`;
  const canPush = await canAccessRepo(viewer, session.repoFullName, "push");
  return {
    session,
    plan: plan && {
      summary: plan.summary, strategy: plan.strategy, rootCause: plan.rootCause ?? null, explanation: plan.explanation ?? null,
      confidence: plan.confidence, proposedConfidence: plan.proposedConfidence ?? null,
      testsTouched: plan.testsTouched ?? null, testsTouchedReason: plan.testsTouchedReason ?? null,
    },
    /** The stored plan could not be read (a shape from an older version): shown as such, not as "no fix". */
    planUnreadable: parsed ? !parsed.success : false,
    files,
    findings: (Array.isArray(row.guardrailFindings) ? row.guardrailFindings : []) as unknown as ReviewFinding[],
    needsReview: row.needsReview,
    confidence: {
      score: session.confidenceScore,
      source: session.source,
      demo: session.demo,
      /** Earned rate of the knowledge-base fix replayed: successes over decided outcomes. */
      earned: kbFix ? { rate: decided ? kbFix.successCount / decided : null, successes: kbFix.successCount, failures: kbFix.failureCount, confidence: kbFix.confidence } : null,
    },
    llm: row.llmModel || row.llmInputTokens !== null
      ? {
          model: row.llmModel, inputTokens: row.llmInputTokens ?? 0, outputTokens: row.llmOutputTokens ?? 0,
          cacheReadTokens: row.llmCacheReadTokens ?? 0, cacheWriteTokens: row.llmCacheWriteTokens ?? 0,
          costUsd: row.llmCostUsd === null ? null : Number(row.llmCostUsd),
        }
      : null,
    errorLines: errorLineIndexes(session.errorExcerpt),
    decision: { decidedBy: row.decidedBy, rejectionReason: row.rejectionReason, mttrSeconds: row.mttrSeconds, verifiedAt: row.verifiedAt?.toISOString() ?? null },
    links: {
      run: row.pipelineEvent?.runUrl ?? null,
      workflowName: row.pipelineEvent?.workflowName ?? null,
      fixBranch: session.fixBranch ? `${repoUrl}/tree/${session.fixBranch.split("/").map(encodeURIComponent).join("/")}` : null,
      fixCommit: row.fixCommitSha ? `${repoUrl}/commit/${row.fixCommitSha}` : null,
      pullRequest: session.pullRequestUrl,
      pullRequestChecks: session.pullRequestUrl ? `${session.pullRequestUrl}/checks` : null,
    },
    actions: {
      allowed: allowedDecisions({ status: session.status, outcome: session.outcome, decidedBy: row.decidedBy, hasFixPlan: plan !== null, recoded: row._count.recodes > 0 }),
      canPush,
      /** Why the buttons are disabled, when they are. */
      blockedReason: canPush ? null : `You need push access to ${session.repoFullName} to approve, reject or re-code its fixes.`,
    },
  };
}

export type SessionReview = Awaited<ReturnType<typeof getSessionReview>>;
