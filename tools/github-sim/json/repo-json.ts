// Repositories in GitHub's shapes: the REST full-repository, and the webhook payload's repository
// (a different, closed set of fields).
import { apiUrl, permissionAtLeast, repoOwner, repoPermission, type SimContext } from "../core/context";
import type { SimRepo, SimUser } from "../store/state";
import { nodeId } from "./node-id";
import { simpleUserJson } from "./user-json";

function repoCore(ctx: SimContext, repo: SimRepo) {
  const owner = repoOwner(ctx, repo);
  const full = `${owner.login}/${repo.name}`;
  const api = `${apiUrl(ctx)}/repos/${full}`;
  const host = new URL(ctx.baseUrl).host;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner: simpleUserJson(ctx, owner),
    html_url: `${ctx.baseUrl}/${full}`,
    description: repo.description,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt ?? repo.createdAt,
    git_url: `git://${host}/${full}.git`,
    ssh_url: `git@${host}:${full}.git`,
    clone_url: `${ctx.baseUrl}/${full}.git`,
    svn_url: `${ctx.baseUrl}/${full}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: "JavaScript",
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openPulls(ctx, repo),
    license: null,
    forks: 0,
    open_issues: openPulls(ctx, repo),
    watchers: 0,
    default_branch: repo.defaultBranch,
  };
}

function openPulls(ctx: SimContext, repo: SimRepo): number {
  return ctx.store.state.pulls.filter((p) => p.repoId === repo.id && p.state === "open").length;
}

/** REST `full-repository`, with the caller's permissions. */
export function repoJson(ctx: SimContext, repo: SimRepo, viewer?: SimUser) {
  const owner = repoOwner(ctx, repo);
  const role = viewer ? repoPermission(ctx, viewer, repo) : null;
  const has = (need: Parameters<typeof permissionAtLeast>[1]) => permissionAtLeast(role, need);
  return {
    ...repoCore(ctx, repo),
    is_template: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    permissions: { admin: has("admin"), maintain: has("maintain"), push: has("push"), triage: has("triage"), pull: has("pull") },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    network_count: 0,
    subscribers_count: 0,
    ...(owner.type === "Organization" ? { organization: simpleUserJson(ctx, owner) } : {}),
  };
}

/** The `repository` object of webhook payloads. */
export function webhookRepoJson(ctx: SimContext, repo: SimRepo) {
  return {
    ...repoCore(ctx, repo),
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? ("private" as const) : ("public" as const),
    custom_properties: {},
  };
}
