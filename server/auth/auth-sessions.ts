// Sign-in sessions the server can end. The session cookie is a JWT carrying a session id (`sid`); each
// request checks that id here, and signing out revokes it, so a copied cookie stops working at once
// instead of living until the JWT expires.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";

/** next-auth's default session lifetime (30 days). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function startAuthSession(db: Db, userId: bigint, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  // The user's ended sessions are kept a day (for the log's sake), then dropped.
  await db.authSession.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: new Date(now.getTime() - 86_400_000) } }] } });
  await db.authSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
  return id;
}

export async function isAuthSessionActive(db: Db, id: string, userId: bigint, now = new Date()): Promise<boolean> {
  const row = await db.authSession.findUnique({ where: { id } });
  return Boolean(row && row.userId === userId && !row.revokedAt && row.expiresAt > now);
}

export async function revokeAuthSession(db: Db, id: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}
