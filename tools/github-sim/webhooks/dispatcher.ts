// Delivers events to a repository's hooks: one queue per hook so a receiver sees events in the order
// they happened, each delivery signed, recorded with request and response, and redeliverable.
import { randomUUID } from "node:crypto";
import type { SimContext } from "../core/context";
import type { SimDelivery, SimHook, SimRepo } from "../store/state";
import { signatureHeaders } from "./sign-payload";

const DELIVERY_TIMEOUT_MS = 10_000;
const KEPT_RESPONSE_BYTES = 64 * 1024;
// Full payloads are kept for redelivery; a long dev session must not grow the state file without end.
const KEPT_DELIVERIES = 1000;

export class WebhookDispatcher {
  private readonly queues = new Map<number, Promise<void>>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly ctx: SimContext) {}

  /** Queues `event` for every active hook of the repository that subscribes to it. */
  emit(repo: SimRepo, event: string, payload: Record<string, unknown>): void {
    for (const hook of this.ctx.store.state.hooks) {
      if (hook.repoId !== repo.id || !hook.active) continue;
      if (event !== "ping" && !hook.events.includes(event) && !hook.events.includes("*")) continue;
      this.enqueue(hook, event, payload, randomUUID(), false);
    }
  }

  /** Sends to one hook only (ping on creation or through the API). */
  emitTo(hook: SimHook, event: string, payload: Record<string, unknown>): void {
    this.enqueue(hook, event, payload, randomUUID(), false);
  }

  redeliver(original: SimDelivery): void {
    const hook = this.ctx.store.state.hooks.find((h) => h.id === original.hookId);
    if (!hook) return;
    this.enqueue(hook, original.event, original.requestPayload as Record<string, unknown>, original.guid, true);
  }

  /** Resolves when every queued delivery has been attempted. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(hook: SimHook, event: string, payload: Record<string, unknown>, guid: string, redelivery: boolean): void {
    this.pending++;
    const previous = this.queues.get(hook.id) ?? Promise.resolve();
    const next = previous
      .then(() => this.deliver(hook, event, payload, guid, redelivery))
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
        if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    this.queues.set(hook.id, next);
  }

  private async deliver(hook: SimHook, event: string, payload: Record<string, unknown>, guid: string, redelivery: boolean) {
    const json = JSON.stringify(payload);
    const body = hook.contentType === "form" ? `payload=${encodeURIComponent(json)}` : json;
    const headers: Record<string, string> = {
      Accept: "*/*",
      "Content-Type": hook.contentType === "form" ? "application/x-www-form-urlencoded" : "application/json",
      "User-Agent": "GitHub-Hookshot/simulator",
      "X-GitHub-Delivery": guid,
      "X-GitHub-Event": event,
      "X-GitHub-Hook-ID": String(hook.id),
      "X-GitHub-Hook-Installation-Target-ID": String(hook.repoId),
      "X-GitHub-Hook-Installation-Target-Type": "repository",
      ...signatureHeaders(hook.secret, body),
    };
    const started = Date.now();
    let statusCode = 0;
    let status = "OK";
    let responseHeaders: Record<string, string> = {};
    let responseBody: string | null = null;
    try {
      const response = await fetch(hook.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      statusCode = response.status;
      responseHeaders = Object.fromEntries(response.headers.entries());
      responseBody = (await response.text()).slice(0, KEPT_RESPONSE_BYTES);
      status = response.ok ? "OK" : `Invalid HTTP Response: ${response.status}`;
    } catch (error) {
      status = (error as Error).name === "TimeoutError" ? "timed out" : "failed to connect to host";
    }
    const delivery: SimDelivery = {
      id: this.ctx.store.nextId(),
      guid,
      hookId: hook.id,
      repoId: hook.repoId,
      event,
      action: typeof payload.action === "string" ? payload.action : null,
      redelivery,
      deliveredAt: this.ctx.now(),
      durationSeconds: (Date.now() - started) / 1000,
      statusCode,
      status,
      requestHeaders: headers,
      requestPayload: payload,
      responseHeaders,
      responseBody,
    };
    this.ctx.store.state.deliveries.push(delivery);
    if (this.ctx.store.state.deliveries.length > KEPT_DELIVERIES) this.ctx.store.state.deliveries.splice(0, this.ctx.store.state.deliveries.length - KEPT_DELIVERIES);
    hook.lastResponse = { code: statusCode || null, status: statusCode >= 200 && statusCode < 300 ? "active" : "failed", message: status };
    this.ctx.store.changed();
  }
}
