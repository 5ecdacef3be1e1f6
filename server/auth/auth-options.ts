// next-auth with the GitHub provider, whose endpoints follow GITHUB_URL (github.com or a GitHub
// Enterprise Server). Sessions are JWTs carrying our users.id and a server-side session id (revoked on
// sign-out: server/auth/auth-sessions.ts); the GitHub token stays in the database, sealed.
import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db/client";
import { env } from "../env";
import { githubEndpoints } from "../github/endpoints";
import { logger } from "../logger";
import { refreshRepoAccess } from "../access";
import { authSecret } from "./auth-secret";
import { isAuthSessionActive, revokeAuthSession, SESSION_MAX_AGE_SECONDS, startAuthSession } from "./auth-sessions";
import { decideSignIn, refusedSignInUrl, signInRestricted } from "./sign-in-policy";
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
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin/refused" },
    providers: [
      GitHubProvider({
        clientId: e.GITHUB_OAUTH_CLIENT_ID ?? "",
        clientSecret: e.GITHUB_OAUTH_CLIENT_SECRET ?? "",
        issuer: `${gh.web}/login/oauth`,
        // read:org lets the allow-list see private organisation memberships.
        authorization: { url: gh.authorize, params: { scope: e.AUTH_ALLOWED_ORGS.length > 0 ? `${GITHUB_SCOPES} read:org` : GITHUB_SCOPES } },
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
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeAuthSession(db(), token.sid);
        logger("auth").info({ userId: token?.uid }, "User signed out");
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (!signInRestricted(e)) return true;
        const login = (profile as unknown as GitHubUserJson | undefined)?.login ?? "";
        const decision = await decideSignIn(e, login, account?.access_token);
        if (decision.allowed) return true;
        logger("auth").warn({ login, reason: decision.reason }, "Sign-in refused by AUTH_ALLOWED_ORGS / AUTH_ALLOWED_USERS");
        return refusedSignInUrl(login, decision.reason);
      },
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
          token.sid = await startAuthSession(db(), user.id);
          // What GitHub lets them see may have changed since the last sign-in: ask again.
          await refreshRepoAccess(user);
        }
        return token;
      },
      async session({ session, token }) {
        // A revoked or expired server-side session shows as signed out in the browser too.
        const active = typeof token.sid === "string" && typeof token.uid === "string" && /^\d+$/.test(token.uid) && (await isAuthSessionActive(db(), token.sid, BigInt(token.uid)));
        if (!active) return { expires: session.expires };
        if (session.user && typeof token.uid === "string") {
          session.user.id = token.uid;
          session.user.login = typeof token.login === "string" ? token.login : "";
        }
        return session;
      },
    },
  };
}
