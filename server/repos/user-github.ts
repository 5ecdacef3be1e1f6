// The GitHub client acting as the signed-in user, from the token stored when they signed in.
import { githubTokenOf } from "../auth/upsert-user";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { githubClient, type GitHubClient } from "../github/octokit";

export async function userGitHub(db: Db, userId: bigint): Promise<GitHubClient> {
  const token = await githubTokenOf(db, userId);
  if (!token) throw new AppError("UNAUTHORIZED", "No GitHub token on file for you: sign out and sign in with GitHub again");
  return githubClient(token);
}
