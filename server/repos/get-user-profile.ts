import type { Db } from "../db/client";
import { AppError } from "../errors";

/** Runbook GET /api/auth/user and /api/user/me. */
export async function getUserProfile(db: Db, userId: bigint) {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw new AppError("UNAUTHORIZED", "Your session refers to a user that no longer exists: sign in again");
  return { id: u.id.toString(), login: u.login, name: u.name, avatarUrl: u.avatarUrl, email: u.email };
}
