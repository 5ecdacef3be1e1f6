// GitHub signs each delivery with HMAC-SHA256 of the raw body (X-Hub-Signature-256: sha256=<hex>).
// The comparison is constant-time so the signature cannot be guessed byte by byte.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signPayload(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function verifySignature(secret: string, body: Uint8Array, header: string | null): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(signPayload(secret, body));
  const given = Buffer.from(header.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
