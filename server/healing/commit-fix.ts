// Apply, part 1 (flow 3): the session's fix as one commit on its own branch, through the git data API —
// blobs, a tree on the failing commit's tree, a commit whose parent is the failing commit, then the ref.
// Safe to retry: the branch name is the session's, so a branch that already exists is this session's
// earlier attempt and its head is reused, never a second commit. The branch and commit are stored on the
// session before the ref is created, so the CI run the ref starts always finds its session.
import type { Logger } from "pino";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubStatus, type GitHubClient } from "../github/octokit";
import { splitRepoFullName } from "../repos/repo-name";
import { appendAudit } from "./audit";
import { fixPlanSchema } from "./fix-plan";

export function fixBranchName(prefix: string, s: { id: bigint; signature: string | null }): string {
  return `${prefix}${s.id}-${(s.signature ?? "fix").slice(0, 8)}`;
}

export async function commitFix(o: { db: Db; github: GitHubClient; log: Logger; sessionId: bigint; branchPrefix: string }): Promise<{ branch: string; commitSha: string; reused: boolean }> {
  const s = await o.db.healingSession.findUnique({ where: { id: o.sessionId } });
  if (!s) throw new AppError("NOT_FOUND", `Healing session ${o.sessionId} does not exist`);
  const plan = fixPlanSchema.parse(s.fixPlan);
  const { owner, repo } = splitRepoFullName(s.repoFullName);
  const git = o.github.rest.git;
  const branch = s.fixBranch ?? fixBranchName(o.branchPrefix, s);

  // matching-refs (not getRef) so a branch that does not exist yet is an empty list, not a logged 404.
  const headOf = async () => (await git.listMatchingRefs({ owner, repo, ref: `heads/${branch}` })).data.find((r) => r.ref === `refs/heads/${branch}`)?.object.sha ?? null;
  const existing = await headOf();
  if (existing) {
    await remember(o.db, s.id, branch, existing, false);
    return { branch, commitSha: existing, reused: true };
  }

  const { data: base } = await git.getCommit({ owner, repo, commit_sha: s.commitSha });
  const tree = await Promise.all(
    plan.changes.map(async (c) =>
      c.action === "delete"
        ? { path: c.path, mode: "100644" as const, type: "blob" as const, sha: null }
        : { path: c.path, mode: "100644" as const, type: "blob" as const, sha: (await git.createBlob({ owner, repo, content: Buffer.from(c.content).toString("base64"), encoding: "base64" })).data.sha },
    ),
  );
  const { data: newTree } = await git.createTree({ owner, repo, base_tree: base.tree.sha, tree });
  const message = `fix: ${plan.summary}\n\nInfraFlow healing session ${s.id} (attempt ${s.attemptNumber}, source ${s.source ?? "LLM"}) for the ${s.failureType ?? "pipeline"} failure on ${s.branch} at ${s.commitSha.slice(0, 7)}.`;
  const { data: commit } = await git.createCommit({ owner, repo, message, tree: newTree.sha, parents: [s.commitSha] });
  await remember(o.db, s.id, branch, commit.sha, true);
  try {
    await git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  } catch (err) {
    // Created meanwhile by an earlier attempt of this step whose answer was lost: reuse it.
    if (githubStatus(err) !== 422) throw err;
    const head = await headOf();
    if (!head) throw err;
    await remember(o.db, s.id, branch, head, false);
    return { branch, commitSha: head, reused: true };
  }
  o.log.info({ sessionId: s.id.toString(), branch, commit: commit.sha }, `Committed fix to branch: ${branch}`);
  return { branch, commitSha: commit.sha, reused: false };
}

async function remember(db: Db, sessionId: bigint, branch: string, commitSha: string, created: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.healingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { fixCommitSha: true } });
    if (before.fixCommitSha === commitSha) return;
    await tx.healingSession.update({ where: { id: sessionId }, data: { fixBranch: branch, fixCommitSha: commitSha } });
    if (created || before.fixCommitSha === null) await appendAudit(tx, sessionId, "SYSTEM", "COMMITTED", `Committed ${commitSha.slice(0, 7)} to ${branch}`);
  });
}
