// Apply, part 2: the pull request from the fix branch into the failing branch, its body explaining root
// cause, fix, confidence and source with a link to the failed run. Safe to retry: a pull request that
// already exists for the branch is reused, never a second one.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { GitHubClient } from "../github/octokit";
import { splitRepoFullName } from "../repos/repo-name";
import { appendAudit } from "./audit";
import { fixPlanSchema, type FixPlan } from "./fix-plan";

export async function openFixPullRequest(o: { db: Db; github: GitHubClient; sessionId: bigint }): Promise<{ number: number; url: string; reused: boolean }> {
  const s = await o.db.healingSession.findUnique({ where: { id: o.sessionId }, include: { pipelineEvent: true } });
  if (!s?.fixBranch) throw new AppError("CONFLICT", `Healing session ${o.sessionId} has no fix branch yet`);
  if (s.pullRequestNumber && s.pullRequestUrl) return { number: s.pullRequestNumber, url: s.pullRequestUrl, reused: true };
  const { owner, repo } = splitRepoFullName(s.repoFullName);
  const { data: open } = await o.github.rest.pulls.list({ owner, repo, head: `${owner}:${s.fixBranch}`, state: "all", per_page: 10 });
  let pr = open.find((p) => p.head.ref === s.fixBranch);
  let reused = true;
  if (!pr) {
    const plan = fixPlanSchema.parse(s.fixPlan);
    const { data } = await o.github.rest.pulls.create({
      owner, repo, head: s.fixBranch, base: s.branch,
      title: `InfraFlow: ${plan.summary}`.slice(0, 250),
      body: pullRequestBody(plan, { sessionId: s.id, source: s.source, attempt: s.attemptNumber, runUrl: s.pipelineEvent?.runUrl ?? null, failureType: s.failureType, commitSha: s.commitSha }),
    });
    pr = data as unknown as typeof pr;
    reused = false;
  }
  const number = pr!.number;
  const url = pr!.html_url;
  await o.db.$transaction(async (tx) => {
    const { count } = await tx.healingSession.updateMany({ where: { id: s.id, pullRequestNumber: null }, data: { pullRequestNumber: number, pullRequestUrl: url } });
    // The pull_request webhook may have linked it first (link-pull-request.ts): the one who opened it says so.
    if (count === 1 || !reused) await appendAudit(tx, s.id, "SYSTEM", "PR_OPENED", `Pull request #${number}: ${url}`);
  });
  return { number, url, reused };
}

export function pullRequestBody(plan: FixPlan, s: { sessionId: bigint; source: string | null; attempt: number; runUrl: string | null; failureType: string | null; commitSha: string }): string {
  const source = s.source === "KNOWLEDGE_BASE" ? "knowledge base (a fix that turned CI green before; no LLM call)" : "LLM (Claude)";
  return [
    `Automated fix by InfraFlow for the ${s.failureType ?? "pipeline"} failure at ${s.commitSha.slice(0, 7)}${s.runUrl ? ` ([failed run](${s.runUrl}))` : ""}.`,
    "",
    `### Root cause\n${plan.rootCause ?? "(not recorded)"}`,
    "",
    `### Fix\n${plan.summary}\n\n${plan.explanation ?? plan.strategy}`,
    "",
    `**Confidence:** ${plan.confidence.toFixed(2)} · **Source:** ${source} · **Session:** #${s.sessionId}, attempt ${s.attempt}`,
    "",
    `Files: ${plan.changes.map((c) => `\`${c.path}\``).join(", ")}`,
  ].join("\n");
}
