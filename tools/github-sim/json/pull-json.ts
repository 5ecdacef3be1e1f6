// Pull requests and issue comments in GitHub's shapes.
import { apiUrl, fullName, repoGitDir, repoOwner, userById, type SimContext } from "../core/context";
import { resolveRef } from "../git/refs";
import type { SimIssueComment, SimPull, SimRepo } from "../store/state";
import { nodeId } from "./node-id";
import { repoJson, webhookRepoJson } from "./repo-json";
import { simpleUserJson } from "./user-json";

/** `form` picks the nested repositories' shape: REST, or the closed field set of webhook payloads. */
export async function pullJson(ctx: SimContext, repo: SimRepo, pull: SimPull, form: "rest" | "webhook" = "rest") {
  const api = `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}`;
  const html = `${ctx.baseUrl}/${fullName(ctx, repo)}/pull/${pull.number}`;
  const gitDir = repoGitDir(ctx, repo);
  const owner = repoOwner(ctx, repo);
  const side = async (ref: string) => ({
    label: `${owner.login}:${ref}`,
    ref,
    sha: (await resolveRef(gitDir, `refs/heads/${ref}`)) ?? "0".repeat(40),
    user: simpleUserJson(ctx, owner),
    repo: form === "rest" ? repoJson(ctx, repo) : webhookRepoJson(ctx, repo),
  });
  const head = await side(pull.headRef);
  const base = await side(pull.baseRef);
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${head.sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUserJson(ctx, userById(ctx, pull.userId)),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head,
    base,
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${head.sha}` },
    },
    author_association: "OWNER",
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: ctx.store.state.issueComments.filter((c) => c.repoId === repo.id && c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function issueCommentJson(ctx: SimContext, repo: SimRepo, comment: SimIssueComment) {
  const api = `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}`;
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${ctx.baseUrl}/${fullName(ctx, repo)}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: simpleUserJson(ctx, userById(ctx, comment.userId)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: "OWNER",
  };
}
