// POST /api/webhooks/github: raw body → size limit → signature → headers/content type/JSON → allowlist
// → ingest. Bad input gets a clear status and stores nothing.
import type { Env } from "../env";
import { PayloadShapeError } from "./normalize-workflow-run";
import { ingestDelivery, type IngestDeps } from "./ingest-delivery";
import { isHandledEvent, parseDelivery } from "./parse-delivery";
import { readBodyWithLimit } from "./read-body";
import { verifySignature } from "./verify-signature";
import { WebhookRejected } from "./webhook-errors";

export async function handleWebhook(req: Request, env: Env, deps: IngestDeps): Promise<Response> {
  try {
    const secret = env.WEBHOOK_SECRET;
    if (!secret && env.NODE_ENV === "production") {
      deps.log.error("WEBHOOK_SECRET is not set: refusing webhook deliveries rather than accepting unsigned ones");
      throw new WebhookRejected(503, "Webhook endpoint disabled: the server has no WEBHOOK_SECRET configured");
    }
    const body = await readBodyWithLimit(req, env.WEBHOOK_MAX_BODY_BYTES);
    if (secret && !verifySignature(secret, body, req.headers.get("x-hub-signature-256"))) {
      deps.log.warn({ deliveryId: req.headers.get("x-github-delivery") }, "Invalid webhook signature");
      throw new WebhookRejected(401, "Invalid webhook signature");
    }
    const delivery = parseDelivery(req.headers, body);
    if (!isHandledEvent(delivery.event)) {
      return Response.json({ ok: true, ignored: `event ${delivery.event} is not handled` }, { status: 202 });
    }
    const result = await ingestDelivery(deps, delivery);
    return Response.json(result.body, { status: result.status });
  } catch (err) {
    if (err instanceof WebhookRejected) return Response.json({ error: err.message }, { status: err.status });
    if (err instanceof PayloadShapeError) return Response.json({ error: err.message }, { status: 400 });
    deps.log.error({ err }, "Webhook delivery could not be processed");
    return Response.json({ error: "Delivery could not be processed; GitHub may redeliver it" }, { status: 503 });
  }
}
