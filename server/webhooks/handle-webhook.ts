// POST /api/webhooks/github: raw body → size limit → signature (the hook's own secret or the global one)
// → headers/content type/JSON → allowlist → ingest. Bad input gets a clear status and stores nothing.
import type { Env } from "../env";
import { PayloadShapeError } from "./normalize-workflow-run";
import { ingestDelivery, type IngestDeps } from "./ingest-delivery";
import { isHandledEvent, parseDelivery } from "./parse-delivery";
import { readBodyWithLimit } from "./read-body";
import { verifyDelivery } from "./verify-delivery";
import { WebhookRejected } from "./webhook-errors";

export async function handleWebhook(req: Request, env: Env, deps: IngestDeps): Promise<Response> {
  try {
    const body = await readBodyWithLimit(req, env.WEBHOOK_MAX_BODY_BYTES);
    await verifyDelivery(req.headers, body, env, deps);
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
