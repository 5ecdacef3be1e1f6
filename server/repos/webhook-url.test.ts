import { describe, expect, it } from "vitest";
import { normalizeWebhookUrl, sameWebhookTarget } from "./webhook-url";

describe("webhook payload URLs", () => {
  it("treats the spellings of one InfraFlow endpoint as the same target", () => {
    const ours = "http://localhost:3000/api/webhooks/github";
    for (const other of ["http://127.0.0.1:3000/api/webhooks/github", "http://LOCALHOST:3000/api/webhooks/github/", "HTTP://[::1]:3000/api/webhooks/github"]) {
      expect(sameWebhookTarget(ours, other), other).toBe(true);
    }
    expect(sameWebhookTarget("https://infraflow.example.com/api/webhooks/github", "https://InfraFlow.example.com:443/api/webhooks/github/")).toBe(true);
  });

  it("keeps different servers, ports, schemes and paths apart", () => {
    const ours = "http://localhost:3000/api/webhooks/github";
    for (const other of ["http://localhost:3001/api/webhooks/github", "https://localhost:3000/api/webhooks/github", "http://localhost:3000/hook", "http://ci.example/api/webhooks/github"]) {
      expect(sameWebhookTarget(ours, other), other).toBe(false);
    }
    expect(normalizeWebhookUrl("not a url")).toBeNull();
    expect(sameWebhookTarget("not a url", "not a url")).toBe(false);
  });
});
