// next-auth with the GitHub provider, whose endpoints follow GITHUB_URL (github.com or a GitHub
// Enterprise Server). Sessions are JWTs carrying our users.id; the GitHub token stays in the database.
import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db/client";
import { env } from "../env";
import { githubEndpoints } from "../github/endpoints";
import { logger } from "../logger";
import { authSecret } from "./auth-secret";
import { upsertUser } from "./upsert-user";

interface GitHubUserJson {
  id: number;
  login: string;
  name: string | null;
  avatar_url: string | null;
  email: string | null;
}

/** The scopes InfraFlow asks for: profile and email, repositories (commit fixes) and their webhooks. */
export const GITHUB_SCOPES = "read:user user:email repo admin:repo_hook workflow";

export function authOptions(): NextAuthOptions {
  const e = env();
  const gh = githubEndpoints(e.GITHUB_URL);
  return {
    secret: authSecret(e),
    session: { strategy: "jwt" },
    pages: { signIn: "/signin" },
    providers: [
      GitHubProvider({
        clientId: e.GITHUB_OAUTH_CLIENT_ID ?? "",
        clientSecret: e.GITHUB_OAUTH_CLIENT_SECRET ?? "",
        issuer: `${gh.web}/login/oauth`,
        authorization: { url: gh.authorize, params: { scope: GITHUB_SCOPES } },
        token: gh.accessToken,
        userinfo: {
          url: `${gh.api}/user`,
          // The stock provider hard-codes api.github.com; this follows GITHUB_URL.
          async request({ tokens }) {
            const headers = { Authorization: `token ${tokens.access_token}`, Accept: "application/vnd.github+json" };
            const res = await fetch(`${gh.api}/user`, { headers });
            if (!res.ok) throw new Error(`GitHub ${gh.api}/user answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
            const profile = (await res.json()) as GitHubUserJson;
            if (!profile.email) {
              const emails = await fetch(`${gh.api}/user/emails`, { headers });
              if (emails.ok) {
                const list = (await emails.json()) as { email: string; primary: boolean }[];
                profile.email = (list.find((m) => m.primary) ?? list[0])?.email ?? null;
              }
            }
            return profile as never;
          },
        },
      }),
    ],
    callbacks: {
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const p = profile as unknown as GitHubUserJson;
          const user = await upsertUser(
            db(),
            { githubId: BigInt(p.id), login: p.login, name: p.name, avatarUrl: p.avatar_url, email: p.email },
            account.access_token ? { accessToken: account.access_token, tokenType: account.token_type, scope: account.scope } : undefined,
          );
          logger("auth").info({ userId: user.id.toString(), login: user.login }, "User signed in with GitHub");
          token.uid = user.id.toString();
          token.login = user.login;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") {
          session.user.id = token.uid;
          session.user.login = typeof token.login === "string" ? token.login : "";
        }
        return session;
      },
    },
  };
}
