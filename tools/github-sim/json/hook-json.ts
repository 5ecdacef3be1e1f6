// Repository webhooks and their deliveries in GitHub's shapes.
import { apiUrl, fullName, type SimContext } from "../core/context";
import type { SimDelivery, SimHook, SimRepo } from "../store/state";

export function hookJson(ctx: SimContext, repo: SimRepo, hook: SimHook) {
  const api = `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}/hooks/${hook.id}`;
  return {
    type: "Repository",
    id: hook.id,
    name: "web",
    active: hook.active,
    events: hook.events,
    config: {
      content_type: hook.contentType,
      insecure_ssl: hook.insecureSsl,
      url: hook.url,
      ...(hook.secret ? { secret: "********" } : {}),
    },
    updated_at: hook.updatedAt,
    created_at: hook.createdAt,
    url: api,
    test_url: `${api}/test`,
    ping_url: `${api}/pings`,
    deliveries_url: `${api}/deliveries`,
    last_response: hook.lastResponse,
  };
}

export function deliveryItemJson(delivery: SimDelivery) {
  return {
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: delivery.deliveredAt,
    redelivery: delivery.redelivery,
    duration: delivery.durationSeconds,
    status: delivery.status,
    status_code: delivery.statusCode,
    event: delivery.event,
    action: delivery.action,
    installation_id: null,
    repository_id: delivery.repoId,
  };
}

export function deliveryJson(ctx: SimContext, repo: SimRepo, delivery: SimDelivery) {
  return {
    ...deliveryItemJson(delivery),
    url: `${apiUrl(ctx)}/repos/${fullName(ctx, repo)}/hooks/${delivery.hookId}/deliveries/${delivery.id}`,
    request: { headers: delivery.requestHeaders, payload: delivery.requestPayload },
    response: { headers: delivery.responseHeaders, payload: delivery.responseBody },
  };
}
