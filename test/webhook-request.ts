// Builds GitHub-style webhook requests (signed like GitHub signs them) for tests and benchmarks.
import { randomUUID } from "node:crypto";
import { signPayload } from "@/server/webhooks/verify-signature";

export function webhookRequest(opts: {
  secret?: string;
  event: string;
  payload: unknown;
  deliveryId?: string;
  body?: string;
  headers?: Record<string, string>;
  url?: string;
}): Request {
  const body = opts.body ?? JSON.stringify(opts.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": opts.event,
    "x-github-delivery": opts.deliveryId ?? randomUUID(),
    "user-agent": "GitHub-Hookshot/test",
    ...(opts.secret && { "x-hub-signature-256": signPayload(opts.secret, body) }),
    ...opts.headers,
  };
  return new Request(opts.url ?? "http://127.0.0.1/api/webhooks/github", { method: "POST", headers, body });
}
