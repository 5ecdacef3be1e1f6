// The repositories a list may show, for `WHERE repo_full_name IN (...)`: the one asked for (after checking
// the viewer may read it: NOT_FOUND otherwise), or every repository the viewer may read.
import { assertRepoAccess, readableRepoNames, type Viewer } from "./index";

export async function readableScope(viewer: Viewer, repo?: string): Promise<string[]> {
  if (repo) {
    await assertRepoAccess(viewer, repo, "read");
    return [repo];
  }
  return readableRepoNames(viewer);
}

/** Loads a record's repository and asserts the viewer's access; a record the viewer may not read is
 *  reported exactly like one that does not exist (`notFound`), so ids reveal nothing. */
export async function assertRecordAccess(viewer: Viewer, repoFullName: string | null | undefined, need: "read" | "push" | "admin", notFound: () => Error): Promise<void> {
  if (!repoFullName) throw notFound();
  try {
    await assertRepoAccess(viewer, repoFullName, "read");
  } catch (err) {
    if ((err as { code?: string }).code === "NOT_FOUND") throw notFound();
    throw err;
  }
  if (need !== "read") await assertRepoAccess(viewer, repoFullName, need);
}
