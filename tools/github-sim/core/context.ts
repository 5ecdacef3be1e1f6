// What every part of the simulator shares: the persisted state, where repositories live, its own
// URLs (known only once the server listens), and the hooks that turn a push into runs and deliveries.
import path from "node:path";
import type { Store } from "../store/store";
import { SIM_PERMISSIONS, type SimPermission, type SimRepo, type SimUser } from "../store/state";

export interface SimHooks {
  /** A ref moved (created, updated or deleted) through the API, a seed or a scenario. */
  refUpdated(update: RefUpdate): Promise<void>;
}

export interface RefUpdate {
  repo: SimRepo;
  ref: string;
  before: string | null;
  after: string | null;
  forced: boolean;
  pusher: SimUser;
}

export interface SimContext {
  store: Store;
  dataDir: string;
  /** http://host:port, set when the server listens. */
  baseUrl: string;
  hooks: SimHooks;
  now(): string;
}

export const ZERO_SHA = "0000000000000000000000000000000000000000";

export function apiUrl(ctx: SimContext): string {
  return `${ctx.baseUrl}/api/v3`;
}

export function repoGitDir(ctx: SimContext, repo: SimRepo): string {
  return path.join(ctx.dataDir, "repos", `${repo.id}.git`);
}

export function userById(ctx: SimContext, id: number): SimUser {
  const user = ctx.store.state.users.find((u) => u.id === id);
  if (!user) throw new Error(`simulator state has no user ${id}`);
  return user;
}

export function userByLogin(ctx: SimContext, login: string): SimUser | undefined {
  const lower = login.toLowerCase();
  return ctx.store.state.users.find((u) => u.login.toLowerCase() === lower);
}

export function findRepo(ctx: SimContext, owner: string, name: string): SimRepo | undefined {
  const ownerUser = userByLogin(ctx, owner);
  if (!ownerUser) return undefined;
  const lower = name.toLowerCase();
  return ctx.store.state.repos.find((r) => r.ownerId === ownerUser.id && r.name.toLowerCase() === lower);
}

export function repoOwner(ctx: SimContext, repo: SimRepo): SimUser {
  return userById(ctx, repo.ownerId);
}

export function fullName(ctx: SimContext, repo: SimRepo): string {
  return `${repoOwner(ctx, repo).login}/${repo.name}`;
}

/** The user's role on a repository as GitHub computes it: the owner and organisation owners administer it,
 *  other organisation members get the base permission (pull), a collaborator their role (the strongest of
 *  the two), anyone may pull a public repository; null: the repository is invisible to them. */
export function repoPermission(ctx: SimContext, user: SimUser, repo: SimRepo): SimPermission | null {
  const owner = repoOwner(ctx, repo);
  if (owner.id === user.id) return "admin";
  const granted: SimPermission[] = [];
  if (owner.members.includes(user.id)) granted.push((owner.memberRoles?.[String(user.id)] ?? "admin") === "admin" ? "admin" : "pull");
  const collaborator = repo.collaborators?.find((c) => c.userId === user.id);
  if (collaborator) granted.push(collaborator.permission);
  if (!repo.private) granted.push("pull");
  if (granted.length === 0) return null;
  return granted.reduce((a, b) => (permissionAtLeast(a, b) ? a : b));
}

export function permissionAtLeast(have: SimPermission | null, need: SimPermission): boolean {
  return have !== null && SIM_PERMISSIONS.indexOf(have) >= SIM_PERMISSIONS.indexOf(need);
}

/** Whether a user may administer a repository (hooks, settings). */
export function canAdmin(ctx: SimContext, user: SimUser, repo: SimRepo): boolean {
  return repoPermission(ctx, user, repo) === "admin";
}

/** Whether the repository is in the user's `GET /user/repos` (affiliation owner, collaborator, organization_member). */
export function isAffiliated(ctx: SimContext, user: SimUser, repo: SimRepo): boolean {
  const owner = repoOwner(ctx, repo);
  return owner.id === user.id || owner.members.includes(user.id) || Boolean(repo.collaborators?.some((c) => c.userId === user.id));
}

export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
