// Users and organisations in GitHub's shapes (simple-user, private-user, organization).
import { apiUrl, type SimContext } from "../core/context";
import type { SimUser } from "../store/state";
import { nodeId } from "./node-id";

export function avatarUrl(ctx: SimContext, user: SimUser): string {
  return `${ctx.baseUrl}/avatars/u/${user.id}`;
}

export function simpleUserJson(ctx: SimContext, user: SimUser) {
  const api = `${apiUrl(ctx)}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: avatarUrl(ctx, user),
    gravatar_id: "",
    url: api,
    html_url: `${ctx.baseUrl}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

export function privateUserJson(ctx: SimContext, user: SimUser) {
  const repos = ctx.store.state.repos.filter((r) => r.ownerId === user.id);
  return {
    ...simpleUserJson(ctx, user),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: repos.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    private_gists: 0,
    total_private_repos: repos.filter((r) => r.private).length,
    owned_private_repos: repos.filter((r) => r.private).length,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: false,
  };
}

export function organizationJson(ctx: SimContext, org: SimUser) {
  const api = `${apiUrl(ctx)}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("Organization", org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: avatarUrl(ctx, org),
    description: org.name,
  };
}
