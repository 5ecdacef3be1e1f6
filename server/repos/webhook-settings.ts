// Runbook §3.2: the repository webhook InfraFlow needs, for the API call and for people who add it by hand.
export const WEBHOOK_EVENTS = ["workflow_run", "push", "pull_request"] as const;

export interface ManualWebhookSettings {
  payloadUrl: string;
  contentType: "application/json";
  secret: string;
  events: string[];
  active: true;
}

export function webhookPayloadUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/github`;
}

export function manualWebhookSettings(appUrl: string): ManualWebhookSettings {
  return {
    payloadUrl: webhookPayloadUrl(appUrl),
    contentType: "application/json",
    secret: "the value of InfraFlow's WEBHOOK_SECRET (ask your InfraFlow operator)",
    events: [...WEBHOOK_EVENTS],
    active: true,
  };
}
