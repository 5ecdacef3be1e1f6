// Creates a repository record and its bare git repository; with autoInit, a first commit with a README
// (as GitHub's auto_init does), which counts as a push.
import { repoGitDir, type SimContext } from "../core/context";
import { initBareRepository } from "../git/refs";
import type { SimRepo, SimUser } from "../store/state";
import { commitFiles } from "./commit-files";

export interface CreateRepositoryOptions {
  owner: SimUser;
  actor: SimUser;
  name: string;
  description?: string | null;
  private?: boolean;
  autoInit?: boolean;
  defaultBranch?: string;
}

export async function createRepository(ctx: SimContext, options: CreateRepositoryOptions): Promise<SimRepo> {
  const now = ctx.now();
  const repo: SimRepo = {
    id: ctx.store.nextId(),
    ownerId: options.owner.id,
    name: options.name,
    description: options.description ?? null,
    private: options.private ?? false,
    defaultBranch: options.defaultBranch ?? "main",
    createdAt: now,
    updatedAt: now,
    pushedAt: null,
    nextNumber: 1,
    nextRunNumber: 1,
  };
  await initBareRepository(repoGitDir(ctx, repo), repo.defaultBranch);
  ctx.store.state.repos.push(repo);
  ctx.store.changed();
  if (options.autoInit) {
    await commitFiles(ctx, repo, {
      branch: repo.defaultBranch,
      files: { "README.md": `# ${repo.name}\n\n${repo.description ?? ""}\n` },
      message: "Initial commit",
      author: options.actor,
    });
  }
  return repo;
}
