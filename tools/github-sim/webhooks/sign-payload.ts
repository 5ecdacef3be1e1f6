// GitHub's delivery signatures: HMAC of the exact body bytes with the hook's secret.
import { createHmac } from "node:crypto";

export function signatureHeaders(secret: string | null, body: string): Record<string, string> {
  if (!secret) return {};
  return {
    "X-Hub-Signature": `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
    "X-Hub-Signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
}
