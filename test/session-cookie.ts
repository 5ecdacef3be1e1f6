// A real session cookie for a user, as next-auth's sign-in issues it: a JWT signed with the session secret
// carrying users.id and a server-side session id (server/auth/auth-sessions.ts).
import { encode } from "next-auth/jwt";
import { authSecret } from "@/server/auth/auth-secret";
import { startAuthSession } from "@/server/auth/auth-sessions";
import { withRequestCookies } from "@/server/auth/request-cookies";
import { sessionCookieName } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

export async function sessionCookie(user: { id: bigint; login: string }): Promise<{ cookie: string; sid: string }> {
  const sid = await startAuthSession(db(), user.id);
  const jwt = await encode({ token: { uid: user.id.toString(), login: user.login, sid, name: user.login }, secret: authSecret(env())! });
  return { cookie: `${sessionCookieName()}=${jwt}`, sid };
}

/** Runs a route handler or server action as the holder of this cookie (null: anonymous). */
export function asCookie<T>(cookie: string | null, fn: () => Promise<T>): Promise<T> {
  return withRequestCookies(cookie ?? "", fn);
}
