// The repository hooks that are InfraFlow's: the one it stored for the repository and any other whose
// payload URL reaches InfraFlow's webhook endpoint (normalised, see webhook-url.ts).
import type { GitHubClient } from "../github/octokit";
import { sameWebhookTarget } from "./webhook-url";

export type RepoHook = Awaited<ReturnType<GitHubClient["rest"]["repos"]["listWebhooks"]>>["data"][number];

export async function infraflowHooks(
  github: GitHubClient, repo: { owner: string; repo: string }, o: { payloadUrl?: string; storedHookId?: bigint | null },
): Promise<RepoHook[]> {
  const hooks = await github.paginate(github.rest.repos.listWebhooks, { ...repo, per_page: 100 });
  return hooks.filter(
    (h) => (o.storedHookId != null && BigInt(h.id) === o.storedHookId) || (o.payloadUrl !== undefined && typeof h.config.url === "string" && sameWebhookTarget(h.config.url, o.payloadUrl)),
  );
}
