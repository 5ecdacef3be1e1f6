// The one place that decides who may see or act on a repository's data (architecture flow 6, issue 11).
// Every reader and writer — tRPC procedures, server actions, REST routes, the SSE stream, Pusher channel
// auth — asks these functions; lists filter in the query with readableRepoNames.
//
// PROVISIONAL: this contract is fixed so that every domain can call it; the implementation that asks
// GitHub (permissions cached per user and repository) replaces the bodies below under issue 11. Until
// then it keeps today's behaviour: any signed-in user may read and act on every repository.
import { db } from "../db/client";

/** read: see a repository's data; push: approve / reject / re-code its sessions; admin: monitor it and install its webhook. */
export type RepoPermission = "read" | "push" | "admin";

/** Who is asking: the signed-in user (SessionUser satisfies it). */
export interface Viewer {
  id: bigint;
  login: string;
}

/** Throws AppError NOT_FOUND when the viewer may not read the repository, FORBIDDEN when they may read but not `need`. */
export async function assertRepoAccess(_viewer: Viewer, _repoFullName: string, _need: RepoPermission): Promise<void> {}

/** Whether the viewer has `need` on the repository (no throw). */
export async function canAccessRepo(viewer: Viewer, repoFullName: string, need: RepoPermission): Promise<boolean> {
  try {
    await assertRepoAccess(viewer, repoFullName, need);
    return true;
  } catch {
    return false;
  }
}

/** Every repository whose data the viewer may read, for `WHERE repo_full_name IN (...)` filters. */
export async function readableRepoNames(_viewer: Viewer): Promise<string[]> {
  const [monitored, seen] = await Promise.all([
    db().monitoredRepo.findMany({ select: { repoFullName: true }, distinct: ["repoFullName"] }),
    db().pipelineEvent.findMany({ select: { repoFullName: true }, distinct: ["repoFullName"] }),
  ]);
  return [...new Set([...monitored, ...seen].map((r) => r.repoFullName))];
}
