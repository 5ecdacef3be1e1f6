// GitHub's answers kept in PostgreSQL per user and repository for ACCESS_CACHE_TTL_SECONDS, so a page
// that reads ten things asks GitHub at most once. Rows older than the TTL are asked again; signing in
// and a 404/403 from GitHub on the user's behalf forget them at once.
import type { Db } from "../db/client";
import { isAccessLevel, type AccessLevel } from "./permission";

export const repoKey = (fullName: string) => fullName.toLowerCase();

export function freshSince(ttlSeconds: number, now = new Date()): Date {
  return new Date(now.getTime() - ttlSeconds * 1000);
}

export async function cachedLevel(db: Db, userId: bigint, fullName: string, since: Date): Promise<AccessLevel | null> {
  const row = await db.repoAccess.findUnique({ where: { userId_repoKey: { userId, repoKey: repoKey(fullName) } } });
  if (!row || row.checkedAt < since || !isAccessLevel(row.permission)) return null;
  return row.permission;
}

export async function storeLevel(db: Db, userId: bigint, fullName: string, level: AccessLevel, at = new Date()): Promise<void> {
  const data = { repoFullName: fullName, permission: level, checkedAt: at };
  await db.repoAccess.upsert({
    where: { userId_repoKey: { userId, repoKey: repoKey(fullName) } },
    create: { userId, repoKey: repoKey(fullName), ...data },
    update: data,
  });
}

/** Replaces the user's answers with a fresh listing (answers about other repositories, asked one by one,
 *  are dropped too: they are asked again when needed). */
export async function storeListing(db: Db, userId: bigint, repos: { fullName: string; level: AccessLevel }[], at = new Date()): Promise<void> {
  const unique = new Map(repos.map((r) => [repoKey(r.fullName), r]));
  await db.$transaction([
    db.repoAccess.deleteMany({ where: { userId } }),
    db.repoAccess.createMany({
      data: [...unique].map(([key, r]) => ({ userId, repoKey: key, repoFullName: r.fullName, permission: r.level, checkedAt: at })),
      skipDuplicates: true,
    }),
    db.repoAccessSync.upsert({ where: { userId }, create: { userId, syncedAt: at }, update: { syncedAt: at } }),
  ]);
}

export async function listingFresh(db: Db, userId: bigint, since: Date): Promise<boolean> {
  const sync = await db.repoAccessSync.findUnique({ where: { userId } });
  return Boolean(sync && sync.syncedAt >= since);
}

export async function readableFromCache(db: Db, userId: bigint, since: Date): Promise<string[]> {
  const rows = await db.repoAccess.findMany({
    where: { userId, checkedAt: { gte: since }, permission: { in: ["read", "push", "admin"] } },
    select: { repoFullName: true },
    orderBy: { repoKey: "asc" },
  });
  return rows.map((r) => r.repoFullName);
}

/** Forget what GitHub said for one repository, or for all of the user's (sign-in, token change). */
export async function forgetAccess(db: Db, userId: bigint, fullName?: string): Promise<void> {
  if (fullName) {
    await db.repoAccess.deleteMany({ where: { userId, repoKey: repoKey(fullName) } });
    await db.repoAccessSync.deleteMany({ where: { userId } });
    return;
  }
  await db.$transaction([db.repoAccess.deleteMany({ where: { userId } }), db.repoAccessSync.deleteMany({ where: { userId } })]);
}
