// Commits whole-file changes on a branch in one step (seeding, scenarios, the contents API), then
// reports the push so runs and webhooks follow as they would on GitHub.
import { repoGitDir, type SimContext } from "../core/context";
import { buildTree, writeBlob, writeCommit, readCommit } from "../git/objects";
import { resolveRef, updateRef } from "../git/refs";
import type { SimRepo, SimUser } from "../store/state";

export interface CommitFilesOptions {
  branch: string;
  /** New content per path; null deletes the file. */
  files: Record<string, string | Buffer | null>;
  message: string;
  author: SimUser;
  /** Fails with a stale-branch error when the branch head is not this commit. */
  expectedHead?: string;
}

export async function commitFiles(
  ctx: SimContext,
  repo: SimRepo,
  options: CommitFilesOptions,
): Promise<{ before: string | null; after: string }> {
  const gitDir = repoGitDir(ctx, repo);
  const ref = `refs/heads/${options.branch}`;
  const before = await resolveRef(gitDir, ref);
  if (options.expectedHead && before !== options.expectedHead) {
    throw new Error(`branch ${options.branch} moved: expected ${options.expectedHead}, found ${before}`);
  }
  const baseTree = before ? (await readCommit(gitDir, before)).tree : null;
  const changes = [];
  for (const [path, content] of Object.entries(options.files)) {
    const sha = content === null ? null : await writeBlob(gitDir, Buffer.from(content));
    changes.push({ path, mode: "100644", sha });
  }
  const tree = await buildTree(gitDir, baseTree, changes);
  const person = { name: options.author.name, email: options.author.email ?? `${options.author.login}@users.noreply`, date: ctx.now() };
  const after = await writeCommit(gitDir, {
    tree,
    parents: before ? [before] : [],
    message: options.message,
    author: person,
    committer: person,
  });
  await updateRef(gitDir, ref, after, before ?? "0".repeat(40));
  await ctx.hooks.refUpdated({ repo, ref, before, after, forced: false, pusher: options.author });
  return { before, after };
}
