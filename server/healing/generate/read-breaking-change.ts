// The change that broke the build: the push's compare (`before...commit`) when the push is known,
// else the failing commit against its first parent. GitHub's compare gives per-file patches (absent for
// binary or very large files).
import type { GitHubClient } from "../../github/octokit";
import { githubStatus } from "../../github/octokit";

export interface ChangedFile {
  path: string;
  status: string;
  previousPath: string | null;
  /** The file's unified diff hunks; null when GitHub gives none (binary, too large). */
  patch: string | null;
}

export interface BreakingChange {
  baseSha: string;
  headSha: string;
  files: ChangedFile[];
}

const ZERO_SHA = /^0+$/;

export async function readBreakingChange(
  github: GitHubClient,
  o: { owner: string; repo: string; commitSha: string; baseSha: string | null; parentSha: string | null },
): Promise<BreakingChange | null> {
  const bases = [o.baseSha, o.parentSha].filter((s): s is string => !!s && !ZERO_SHA.test(s) && s !== o.commitSha);
  for (const base of [...new Set(bases)]) {
    try {
      const { data } = await github.rest.repos.compareCommitsWithBasehead({ owner: o.owner, repo: o.repo, basehead: `${base}...${o.commitSha}` });
      return {
        baseSha: base,
        headSha: o.commitSha,
        files: (data.files ?? []).map((f) => ({ path: f.filename, status: f.status, previousPath: f.previous_filename ?? null, patch: f.patch ?? null })),
      };
    } catch (err) {
      // A force-pushed `before` no longer exists: fall back to the parent.
      if (githubStatus(err) !== 404) throw err;
    }
  }
  return null;
}
