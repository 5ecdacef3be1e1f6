// Octokit pointed at GITHUB_URL's REST API (github.com or a GitHub Enterprise Server), with retries of
// transient failures. Callers pass the token: the signed-in user's for their repositories, GITHUB_TOKEN
// for InfraFlow's own work (logs, fix commits).
import { retry } from "@octokit/plugin-retry";
import { Octokit } from "@octokit/rest";
import { AppError } from "../errors";
import { env } from "../env";
import { githubEndpoints } from "./endpoints";

const RetryingOctokit = Octokit.plugin(retry);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;

/** `retries`: how many times a transient failure is retried (the plugin's default, 3, backs off ~14 s). */
export function githubClient(token: string, githubUrl = env().GITHUB_URL, options: { retries?: number } = {}): GitHubClient {
  return new RetryingOctokit({
    auth: token, baseUrl: githubEndpoints(githubUrl).api, userAgent: "InfraFlow",
    ...(options.retries !== undefined && { retry: { retries: options.retries } }),
  });
}

/** InfraFlow's own GitHub identity (GITHUB_TOKEN). */
export function serviceGitHubClient(): GitHubClient {
  const token = env().GITHUB_TOKEN;
  if (!token) throw new AppError("UNAVAILABLE", "GITHUB_TOKEN is not set: InfraFlow cannot read logs or push fixes");
  return githubClient(token);
}

/** The HTTP status of an Octokit error, if it is one. */
export function githubStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown })?.status;
  return typeof status === "number" ? status : undefined;
}
