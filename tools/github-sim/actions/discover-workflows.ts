// Finds `.github/workflows/*.yml` at a commit and keeps one workflow record per file, as GitHub lists
// workflows by path.
import { repoGitDir, type SimContext } from "../core/context";
import { readBlob, readTree } from "../git/objects";
import type { SimRepo, SimWorkflow } from "../store/state";
import { parseWorkflow, WorkflowSyntaxError, type Workflow } from "./parse-workflow";

export interface DiscoveredWorkflow {
  record: SimWorkflow;
  definition: Workflow;
}

export async function discoverWorkflows(ctx: SimContext, repo: SimRepo, sha: string): Promise<DiscoveredWorkflow[]> {
  const gitDir = repoGitDir(ctx, repo);
  const entries = await readTree(gitDir, `${sha}:.github/workflows`, false).catch(() => []);
  const found: DiscoveredWorkflow[] = [];
  for (const entry of entries) {
    if (entry.type !== "blob" || !/\.ya?ml$/.test(entry.path)) continue;
    const filePath = `.github/workflows/${entry.path}`;
    let definition: Workflow;
    try {
      definition = parseWorkflow((await readBlob(gitDir, entry.sha)).toString("utf8"), filePath);
    } catch (error) {
      if (error instanceof WorkflowSyntaxError) continue;
      throw error;
    }
    found.push({ record: upsertWorkflow(ctx, repo, filePath, definition.name), definition });
  }
  return found;
}

export async function loadWorkflow(ctx: SimContext, repo: SimRepo, sha: string, filePath: string): Promise<Workflow> {
  const gitDir = repoGitDir(ctx, repo);
  const text = (await readBlob(gitDir, `${sha}:${filePath}`)).toString("utf8");
  return parseWorkflow(text, filePath);
}

function upsertWorkflow(ctx: SimContext, repo: SimRepo, filePath: string, name: string): SimWorkflow {
  const existing = ctx.store.state.workflows.find((w) => w.repoId === repo.id && w.path === filePath);
  if (existing) {
    if (existing.name !== name) {
      existing.name = name;
      existing.updatedAt = ctx.now();
      ctx.store.changed();
    }
    return existing;
  }
  const now = ctx.now();
  const record: SimWorkflow = { id: ctx.store.nextId(), repoId: repo.id, path: filePath, name, state: "active", createdAt: now, updatedAt: now };
  ctx.store.state.workflows.push(record);
  ctx.store.changed();
  return record;
}
