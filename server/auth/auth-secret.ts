// next-auth needs a secret to sign session cookies. Production must configure NEXTAUTH_SECRET; in
// development one is generated once and kept under DATA_DIR so sessions survive restarts.
import type { Env } from "../env";
import { persistentSecret } from "../persistent-secret";

export function authSecret(e: Env): string | undefined {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") return undefined; // next-auth refuses to start: the right outcome
  return persistentSecret(e.DATA_DIR, "nextauth-secret");
}
