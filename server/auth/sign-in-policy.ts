// Who may sign in (AUTH_ALLOWED_ORGS, AUTH_ALLOWED_USERS). Both empty: anyone with a GitHub account on
// GITHUB_URL, who then sees only the repositories GitHub lets them read (server/access). Organisation
// membership is asked with the user's own token (GET /user/orgs, read:org scope: private memberships too).
import type { Env } from "../env";
import { githubClient } from "../github/octokit";

export type SignInDecision = { allowed: true } | { allowed: false; reason: "not-allowed" | "org-check-failed" };

export function signInRestricted(e: Env): boolean {
  return e.AUTH_ALLOWED_ORGS.length > 0 || e.AUTH_ALLOWED_USERS.length > 0;
}

export async function decideSignIn(e: Env, login: string, accessToken: string | undefined): Promise<SignInDecision> {
  if (!signInRestricted(e)) return { allowed: true };
  if (e.AUTH_ALLOWED_USERS.includes(login.toLowerCase())) return { allowed: true };
  if (e.AUTH_ALLOWED_ORGS.length === 0 || !accessToken) return { allowed: false, reason: "not-allowed" };
  try {
    const github = githubClient(accessToken, e.GITHUB_URL);
    const orgs = await github.paginate(github.rest.orgs.listForAuthenticatedUser, { per_page: 100 });
    return orgs.some((o) => e.AUTH_ALLOWED_ORGS.includes(o.login.toLowerCase())) ? { allowed: true } : { allowed: false, reason: "not-allowed" };
  } catch {
    // Refuse rather than guess: a sign-in that cannot be checked is not let in.
    return { allowed: false, reason: "org-check-failed" };
  }
}

/** Where a refused sign-in lands: a page saying why, not next-auth's generic error. */
export function refusedSignInUrl(login: string, reason: "not-allowed" | "org-check-failed"): string {
  return `/signin/refused?${new URLSearchParams({ login, reason })}`;
}
