// AES-256-GCM for credentials at rest (GitHub OAuth tokens, per-repository webhook secrets). A sealed value
// names the key it was sealed with (the first bytes of the key's SHA-256), so opening it with another key
// is a clear error naming both, never garbage: GCM's tag would reject it anyway, the key id says why.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { decodeKey, type Env } from "../env";
import { persistentSecret } from "../persistent-secret";

const PREFIX = "enc:v1:";

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

export interface SecretBox {
  /** The key's id, as written into every value it seals. */
  readonly keyId: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretBoxError("An AES-256-GCM key is 32 bytes");
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(keyId));
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${PREFIX}${keyId}:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${data.toString("base64url")}`;
    },
    open(sealed) {
      if (!isSealed(sealed)) throw new SecretBoxError("The stored value is not sealed (expected enc:v1:…)");
      const [id, iv, tag, data] = sealed.slice(PREFIX.length).split(":");
      if (!id || !iv || !tag || data === undefined) throw new SecretBoxError("The stored sealed value is malformed");
      if (id !== keyId) {
        throw new SecretBoxError(
          `A stored secret was sealed with key ${id}, but TOKEN_ENCRYPTION_KEY is key ${keyId}: set the key it was sealed with, or sign in again (tokens) / monitor the repository again (webhook secrets)`,
        );
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError(`A stored secret sealed with key ${id} failed its integrity check: it was altered or TOKEN_ENCRYPTION_KEY is not the key it was sealed with`);
      }
    },
  };
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** TOKEN_ENCRYPTION_KEY, or in development a key generated once under DATA_DIR (production requires the
 *  setting: server/boot.ts). */
export function encryptionKey(e: Env): Buffer {
  if (e.TOKEN_ENCRYPTION_KEY) return decodeKey(e.TOKEN_ENCRYPTION_KEY)!;
  if (e.NODE_ENV === "production") throw new SecretBoxError("TOKEN_ENCRYPTION_KEY is required in production");
  return decodeKey(persistentSecret(e.DATA_DIR, "token-encryption-key"))!;
}
