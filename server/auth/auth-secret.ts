// next-auth needs a secret to sign session cookies. Production must configure NEXTAUTH_SECRET; in
// development one is generated once and kept under DATA_DIR so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "../env";

export function authSecret(e: Env): string | undefined {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.NODE_ENV === "production") return undefined; // next-auth refuses to start: the right outcome
  const file = path.resolve(e.DATA_DIR, "nextauth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
