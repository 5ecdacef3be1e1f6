// What GitHub says about a user's access, asked with the user's own OAuth token against GITHUB_URL. A
// repository GitHub hides (404) or refuses (403) is no access; a revoked token (401) is no access to
// anything. Anything else (GitHub down) is an error: access is never granted on a guess.
import { githubClient, githubStatus } from "../github/octokit";
import { AppError } from "../errors";
import { splitRepoFullName } from "../repos/repo-name";
import { levelFromGitHub, type AccessLevel } from "./permission";

/** A page waits on this answer: one retry of a blip, not the client's full back-off. */
const ONE_RETRY = { retries: 1 };

export interface RepoAnswer {
  fullName: string;
  level: AccessLevel;
}

export async function askRepoAccess(token: string, repoFullName: string): Promise<RepoAnswer> {
  const { owner, repo } = splitRepoFullName(repoFullName);
  try {
    const { data } = await githubClient(token, undefined, ONE_RETRY).rest.repos.get({ owner, repo });
    return { fullName: data.full_name, level: levelFromGitHub(data.permissions) };
  } catch (err) {
    const status = githubStatus(err);
    if (status === 401 || status === 403 || status === 404) return { fullName: repoFullName, level: "none" };
    throw new AppError("UPSTREAM", `GitHub could not be asked whether you may access ${repoFullName} (${status ?? (err as Error).message})`, { cause: err });
  }
}

/** Every repository the user owns, collaborates on or reaches through an organisation (GET /user/repos). */
export async function listAccessibleRepos(token: string): Promise<RepoAnswer[]> {
  try {
    const github = githubClient(token, undefined, ONE_RETRY);
    const repos = await github.paginate(github.rest.repos.listForAuthenticatedUser, { per_page: 100, affiliation: "owner,collaborator,organization_member" });
    return repos.map((r) => ({ fullName: r.full_name, level: levelFromGitHub(r.permissions) }));
  } catch (err) {
    if (githubStatus(err) === 401) return [];
    throw new AppError("UPSTREAM", `GitHub could not list the repositories you can access (${githubStatus(err) ?? (err as Error).message})`, { cause: err });
  }
}
