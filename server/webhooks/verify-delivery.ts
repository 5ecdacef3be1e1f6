// Which secret signs a delivery: the one InfraFlow generated for the hook named in X-GitHub-Hook-ID, else
// the global WEBHOOK_SECRET (hooks added by hand). A delivery without a signature is refused unless the
// operator set WEBHOOK_ALLOW_UNSIGNED=true; one with a wrong signature always is.
import type pg from "pg";
import type { Logger } from "pino";
import type { Env } from "../env";
import { processSingleton } from "../runtime-state";
import { verifySignature } from "./verify-signature";
import { WebhookRejected } from "./webhook-errors";
import { openWebhookSecret } from "./webhook-secret";

const HOOK_ID = /^\d{1,18}$/;

export async function verifyDelivery(headers: Headers, body: Uint8Array, e: Env, deps: { sql: pg.Pool; log: Logger }): Promise<void> {
  const signature = headers.get("x-hub-signature-256");
  const hookId = headers.get("x-github-hook-id");
  const secret = (hookId && HOOK_ID.test(hookId) ? await hookSecret(deps.sql, hookId) : null) ?? e.WEBHOOK_SECRET;
  if (!signature) {
    if (e.WEBHOOK_ALLOW_UNSIGNED) return;
    throw new WebhookRejected(401, "Unsigned delivery refused: give the hook a secret (InfraFlow's own hooks have one), or set WEBHOOK_ALLOW_UNSIGNED=true to accept unsigned deliveries");
  }
  if (!secret) {
    if (e.WEBHOOK_ALLOW_UNSIGNED) return;
    deps.log.warn({ deliveryId: headers.get("x-github-delivery"), hookId }, "No secret to verify a webhook delivery: unknown hook and no WEBHOOK_SECRET");
    throw new WebhookRejected(401, "Cannot verify this delivery: its hook was not installed by InfraFlow and WEBHOOK_SECRET is not set");
  }
  if (!verifySignature(secret, body, signature)) {
    deps.log.warn({ deliveryId: headers.get("x-github-delivery"), hookId }, "Invalid webhook signature");
    throw new WebhookRejected(401, "Invalid webhook signature");
  }
}

// A hook keeps its secret for its whole life (a new secret comes with a new hook), so a found secret is
// kept in memory for a while: the webhook path then costs no extra query. Unknown hooks are asked again.
const KEEP_MS = 5 * 60_000;
const known = () => processSingleton("webhooks:hook-secrets", () => new Map<string, { secret: string; until: number }>());

async function hookSecret(sql: pg.Pool, hookId: string): Promise<string | null> {
  const cached = known().get(hookId);
  if (cached && cached.until > Date.now()) return cached.secret;
  const { rows } = await sql.query<{ secret: string }>({ name: "hook-secret", text: "SELECT secret FROM repo_webhooks WHERE hook_id = $1", values: [hookId] });
  if (!rows[0]) return null;
  const secret = openWebhookSecret(rows[0].secret);
  known().set(hookId, { secret, until: Date.now() + KEEP_MS });
  return secret;
}

/** Forget what this process remembers of a hook (its secret changed or it was removed). */
export function forgetHookSecret(hookId: bigint | number | string): void {
  known().delete(String(hookId));
}
