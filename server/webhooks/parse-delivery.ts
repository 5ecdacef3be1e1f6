// Headers and payload of a verified delivery. GitHub sends JSON either as application/json or as the
// `payload` field of an application/x-www-form-urlencoded body; anything else is refused (415).
import { WebhookRejected } from "./webhook-errors";

export interface Delivery {
  id: string;
  event: string;
  payload: Record<string, unknown>;
}

const DELIVERY_ID = /^[A-Za-z0-9-]{1,128}$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;

export function parseDelivery(headers: Headers, body: Uint8Array): Delivery {
  const contentType = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json" && contentType !== "application/x-www-form-urlencoded") {
    throw new WebhookRejected(415, `Unsupported content type "${contentType || "none"}": use application/json`);
  }
  const event = headers.get("x-github-event");
  const id = headers.get("x-github-delivery");
  if (!event || !EVENT_NAME.test(event)) throw new WebhookRejected(400, "Missing or invalid X-GitHub-Event header");
  if (!id || !DELIVERY_ID.test(id)) throw new WebhookRejected(400, "Missing or invalid X-GitHub-Delivery header");

  let text = Buffer.from(body).toString("utf8");
  if (contentType === "application/x-www-form-urlencoded") {
    const payload = new URLSearchParams(text).get("payload");
    if (payload === null) throw new WebhookRejected(400, "Form-encoded delivery without a payload field");
    text = payload;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new WebhookRejected(400, "Malformed JSON payload");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new WebhookRejected(400, "Payload must be a JSON object");
  }
  return { id, event, payload: payload as Record<string, unknown> };
}

/** Runbook §3.2: the events InfraFlow acts on. Others are acknowledged and ignored. */
export function isHandledEvent(event: string): boolean {
  return ["ping", "workflow_run", "push", "pull_request"].includes(event) || event.startsWith("installation");
}
