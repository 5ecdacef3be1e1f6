// The signed-in user's repositories, as GitHub lists them (runbook §3.3 step 3), marked with whether
// InfraFlow already watches them.
import type { Db } from "../db/client";
import type { GitHubClient } from "../github/octokit";

export interface GitHubRepoDto {
  fullName: string;
  htmlUrl: string;
  private: boolean;
  defaultBranch: string;
  /** Admins can have InfraFlow install the webhook; others get the manual settings. */
  canAdmin: boolean;
  monitored: boolean;
}

export async function listUserRepos(db: Db, github: GitHubClient, userId: bigint): Promise<GitHubRepoDto[]> {
  const [repos, monitored] = await Promise.all([
    github.paginate(github.rest.repos.listForAuthenticatedUser, { per_page: 100, sort: "updated" }),
    db.monitoredRepo.findMany({ where: { userId }, select: { repoFullName: true } }),
  ]);
  const watched = new Set(monitored.map((m) => m.repoFullName.toLowerCase()));
  return repos.map((r) => ({
    fullName: r.full_name,
    htmlUrl: r.html_url,
    private: r.private,
    defaultBranch: r.default_branch ?? "main",
    canAdmin: r.permissions?.admin ?? false,
    monitored: watched.has(r.full_name.toLowerCase()),
  }));
}
