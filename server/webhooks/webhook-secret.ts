// The signing secret of each webhook InfraFlow installs: generated per repository, sealed at rest with
// AES-256-GCM (TOKEN_ENCRYPTION_KEY, server/crypto). A secret stored before encryption existed is read as
// it is and sealed when the hook is next reconciled.
import { randomBytes } from "node:crypto";
import { openCredential, sealCredential } from "../crypto/sealed-credentials";

export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sealWebhookSecret(secret: string): string {
  return sealCredential(secret);
}

export function openWebhookSecret(sealed: string): string {
  return openCredential(sealed);
}
