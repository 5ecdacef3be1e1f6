// The one place that decides who may see or act on a repository's data (architecture flow 6, issue 11).
// Every reader and writer — tRPC procedures, server actions, REST routes, the SSE stream, Pusher channel
// auth — asks these functions; lists filter in the query with readableRepoNames.
//
// The answer is GitHub's, asked with the user's own OAuth token (GET /repos/{owner}/{repo} permissions,
// GET /user/repos for lists) and cached per user and repository for ACCESS_CACHE_TTL_SECONDS
// (server/access/access-cache.ts): someone an org admin removes loses access within the TTL.
import { githubTokenOf } from "../auth/upsert-user";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logger";
import { REPO_FULL_NAME } from "../repos/repo-name";
import { cachedLevel, forgetAccess, freshSince, listingFresh, readableFromCache, storeLevel, storeListing } from "./access-cache";
import { askRepoAccess, listAccessibleRepos } from "./ask-github";
import { allows, type AccessLevel, type RepoPermission } from "./permission";

export type { RepoPermission } from "./permission";

/** Who is asking: the signed-in user (SessionUser satisfies it). */
export interface Viewer {
  id: bigint;
  login: string;
}

const WHAT: Record<RepoPermission, string> = {
  read: "see",
  push: "approve, reject or re-code fixes of (needs push access on GitHub)",
  admin: "monitor or set up webhooks for (needs admin access on GitHub)",
};

/** The viewer's level on a repository, from the cache or GitHub. */
export async function repoAccessLevel(viewer: Viewer, repoFullName: string): Promise<AccessLevel> {
  if (!REPO_FULL_NAME.test(repoFullName)) return "none";
  const since = freshSince(env().ACCESS_CACHE_TTL_SECONDS);
  const cached = await cachedLevel(db(), viewer.id, repoFullName, since);
  if (cached) return cached;
  const token = await githubTokenOf(db(), viewer.id);
  if (!token) return "none";
  const answer = await askRepoAccess(token, repoFullName);
  await storeLevel(db(), viewer.id, repoFullName, answer.level);
  return answer.level;
}

/** Throws AppError NOT_FOUND when the viewer may not read the repository, FORBIDDEN when they may read but not `need`. */
export async function assertRepoAccess(viewer: Viewer, repoFullName: string, need: RepoPermission): Promise<void> {
  const level = await repoAccessLevel(viewer, repoFullName);
  // Not found rather than forbidden: whether a private repository exists is itself private (as on GitHub).
  if (!allows(level, "read")) throw new AppError("NOT_FOUND", `Repository ${repoFullName} does not exist or you cannot access it`);
  if (!allows(level, need)) throw new AppError("FORBIDDEN", `You may not ${WHAT[need]} ${repoFullName}`);
}

/** Whether the viewer has `need` on the repository (no throw: GitHub unreachable counts as no). */
export async function canAccessRepo(viewer: Viewer, repoFullName: string, need: RepoPermission): Promise<boolean> {
  try {
    return allows(await repoAccessLevel(viewer, repoFullName), need);
  } catch (err) {
    logger("access").warn({ err, repo: repoFullName }, "Repository access could not be checked; treated as no access");
    return false;
  }
}

const inflight = new Map<string, Promise<void>>();

/** Every repository whose data the viewer may read, for `WHERE repo_full_name IN (...)` filters: the
 *  repositories GitHub lists for them, plus any other (public) one they were granted one by one. */
export async function readableRepoNames(viewer: Viewer): Promise<string[]> {
  const since = freshSince(env().ACCESS_CACHE_TTL_SECONDS);
  if (!(await listingFresh(db(), viewer.id, since))) await syncListing(viewer);
  return readableFromCache(db(), viewer.id, since);
}

async function syncListing(viewer: Viewer): Promise<void> {
  const key = viewer.id.toString();
  let run = inflight.get(key);
  if (!run) {
    run = (async () => {
      const token = await githubTokenOf(db(), viewer.id);
      const repos = token ? await listAccessibleRepos(token) : [];
      await storeListing(db(), viewer.id, repos);
      logger("access").debug({ userId: key, repos: repos.length }, "Repository access refreshed from GitHub");
    })().finally(() => inflight.delete(key));
    inflight.set(key, run);
  }
  await run;
}

/** Forget the cached answers: on sign-in (all of them), or for one repository when GitHub answered 404/403
 *  to a call made for the user. The next check asks GitHub again. */
export async function refreshRepoAccess(viewer: Pick<Viewer, "id">, repoFullName?: string): Promise<void> {
  await forgetAccess(db(), viewer.id, repoFullName);
}
