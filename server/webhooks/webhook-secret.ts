// The signing secret of each webhook InfraFlow installs: generated per repository, kept sealed at rest.
// Sealing is this one pair of functions so that at-rest encryption (issue 11, TOKEN_ENCRYPTION_KEY) drops in
// here; until that helper lands the value is stored as generated. `open` accepts what `seal` wrote.
import { randomBytes } from "node:crypto";

export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sealWebhookSecret(secret: string): string {
  return secret;
}

export function openWebhookSecret(sealed: string): string {
  return sealed;
}
