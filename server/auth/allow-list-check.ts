// The allow-lists hold for sessions already started: someone removed from AUTH_ALLOWED_USERS, or from every
// organisation of AUTH_ALLOWED_ORGS, is signed out within ACCESS_CACHE_TTL_SECONDS (the answer is kept that
// long per user in this process). No allow-list: nothing to check.
import { db } from "../db/client";
import { env } from "../env";
import { githubTokenOf } from "./upsert-user";
import { decideSignIn, signInRestricted } from "./sign-in-policy";

const answers = new Map<string, { ok: boolean; at: number }>();

export async function stillAllowed(user: { id: bigint; login: string }, now = Date.now()): Promise<boolean> {
  const e = env();
  if (!signInRestricted(e)) return true;
  if (e.AUTH_ALLOWED_USERS.includes(user.login.toLowerCase())) return true;
  const key = `${user.id}:${e.AUTH_ALLOWED_ORGS.join(",")}`;
  const hit = answers.get(key);
  if (hit && now - hit.at < e.ACCESS_CACHE_TTL_SECONDS * 1000) return hit.ok;
  const token = await githubTokenOf(db(), user.id).catch(() => null);
  const ok = (await decideSignIn(e, user.login, token ?? undefined)).allowed;
  answers.set(key, { ok, at: now });
  return ok;
}
