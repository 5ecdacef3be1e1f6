// The signed-in user, for server components, route handlers, server actions and tRPC: the next-auth session
// cookie (a JWT signed with the session secret), verified here, whose session id must still be active
// (server/auth/auth-sessions.ts: signing out revokes it on the server).
import { decode } from "next-auth/jwt";
import { db } from "../db/client";
import { env } from "../env";
import { authSecret } from "./auth-secret";
import { stillAllowed } from "./allow-list-check";
import { isAuthSessionActive } from "./auth-sessions";
import { requestCookies, type CookieReader } from "./request-cookies";

export interface SessionUser {
  id: bigint;
  login: string;
  name: string | null;
  email: string | null;
  image: string | null;
}

/** next-auth's cookie name: the __Secure- one when the public URL is https. */
export function sessionCookieName(): string {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

// next-auth picks the name from NEXTAUTH_URL or, without it, from the request: read either (both are
// verified the same way).
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function currentUser(): Promise<SessionUser | null> {
  return userFromCookies(await requestCookies());
}

export async function userFromCookies(cookies: CookieReader): Promise<SessionUser | null> {
  const raw = COOKIE_NAMES.map((name) => cookies(name)).find(Boolean);
  const secret = authSecret(env());
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || typeof token.uid !== "string" || typeof token.sid !== "string" || !/^\d+$/.test(token.uid)) return null;
  const id = BigInt(token.uid);
  if (!(await isAuthSessionActive(db(), token.sid, id))) return null;
  const login = typeof token.login === "string" ? token.login : "";
  if (!(await stillAllowed({ id, login }))) return null;
  return {
    id,
    login,
    name: token.name ?? null,
    email: token.email ?? null,
    image: token.picture ?? null,
  };
}
