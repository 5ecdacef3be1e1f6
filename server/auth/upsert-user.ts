// A `users` row per GitHub user who signs in (runbook §7), plus the OAuth token InfraFlow uses on the
// user's behalf (listing their repositories, creating webhooks).
import { openCredential, sealCredential } from "../crypto/sealed-credentials";
import type { Db } from "../db/client";
import { AppError } from "../errors";

export interface GitHubProfile {
  githubId: bigint;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  email: string | null;
}

export interface GitHubToken {
  accessToken: string;
  tokenType?: string | null;
  scope?: string | null;
}

export async function upsertUser(db: Db, profile: GitHubProfile, token?: GitHubToken) {
  const data = { login: profile.login, name: profile.name, avatarUrl: profile.avatarUrl, email: profile.email };
  const user = await db.user.upsert({
    where: { githubId: profile.githubId },
    create: { githubId: profile.githubId, ...data },
    update: data,
  });
  if (token) {
    // Sealed at rest (AES-256-GCM, TOKEN_ENCRYPTION_KEY): a database dump alone does not hand out GitHub access.
    const account = { accessToken: sealCredential(token.accessToken), tokenType: token.tokenType ?? null, scope: token.scope ?? null };
    await db.oAuthAccount.upsert({
      where: { provider_providerAccountId: { provider: "github", providerAccountId: String(profile.githubId) } },
      create: { userId: user.id, provider: "github", providerAccountId: String(profile.githubId), ...account },
      update: { userId: user.id, ...account },
    });
  }
  return user;
}

/** The GitHub token stored for a user, if they signed in with one. */
export async function githubTokenOf(db: Db, userId: bigint): Promise<string | null> {
  const account = await db.oAuthAccount.findFirst({ where: { userId, provider: "github" }, orderBy: { updatedAt: "desc" } });
  if (!account?.accessToken) return null;
  try {
    return openCredential(account.accessToken);
  } catch (err) {
    // Sealed with another TOKEN_ENCRYPTION_KEY: signing in again stores it sealed with the current one.
    throw new AppError("UNAUTHORIZED", `Your stored GitHub token cannot be used: ${(err as Error).message}`, { cause: err });
  }
}
