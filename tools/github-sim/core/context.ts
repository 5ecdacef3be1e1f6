// What every part of the simulator shares: the persisted state, where repositories live, its own
// URLs (known only once the server listens), and the hooks that turn a push into runs and deliveries.
import path from "node:path";
import type { Store } from "../store/store";
import type { SimRepo, SimUser } from "../store/state";

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

/** Whether a user may administer a repository: its owner, or a member of the owning organisation. */
export function canAdmin(ctx: SimContext, user: SimUser, repo: SimRepo): boolean {
  const owner = repoOwner(ctx, repo);
  return owner.id === user.id || owner.members.includes(user.id);
}

export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
