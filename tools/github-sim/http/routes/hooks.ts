// Repository webhooks: create (which pings), list, read, update, delete, ping, deliveries, redeliver.
import type { Hono } from "hono";
import type { SimContext } from "../../core/context";
import { deliveryItemJson, deliveryJson, hookJson } from "../../json/hook-json";
import type { SimHook } from "../../store/state";
import type { WebhookDispatcher } from "../../webhooks/dispatcher";
import { pingPayload } from "../../webhooks/payloads";
import { invalid, notFound } from "../github-error";
import { paginate, pathRepo, readJson, requireAdmin, type ApiContext, type ApiEnv } from "../route-helpers";

export function hookRoutes(ctx: SimContext, app: Hono<ApiEnv>, webhooks: WebhookDispatcher): void {
  app.post("/repos/:owner/:repo/hooks", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const body = await readJson(c);
    const config = (body.config ?? {}) as Record<string, unknown>;
    if (typeof config.url !== "string" || !URL.canParse(config.url)) throw invalid("Hook", "url", "custom", "url is invalid");
    if (body.name !== undefined && body.name !== "web") throw invalid("Hook", "name", "invalid");
    const events = body.events === undefined ? ["push"] : body.events;
    if (!Array.isArray(events) || !events.every((e) => typeof e === "string")) throw invalid("Hook", "events", "invalid");
    if (ctx.store.state.hooks.some((h) => h.repoId === repo.id && h.url === config.url)) {
      throw invalid("Hook", "url", "custom", "Hook already exists on this repository");
    }
    const now = ctx.now();
    const hook: SimHook = {
      id: ctx.store.nextId(),
      repoId: repo.id,
      url: config.url,
      secret: typeof config.secret === "string" && config.secret !== "" ? config.secret : null,
      contentType: config.content_type === "json" ? "json" : "form",
      insecureSsl: config.insecure_ssl === "1" || config.insecure_ssl === 1 ? "1" : "0",
      events: events as string[],
      active: body.active !== false,
      createdAt: now,
      updatedAt: now,
      lastResponse: { code: null, status: "unused", message: null },
    };
    ctx.store.state.hooks.push(hook);
    ctx.store.changed();
    if (hook.active) webhooks.emitTo(hook, "ping", pingPayload(ctx, repo, hook, c.get("user")));
    return c.json(hookJson(ctx, repo, hook), 201);
  });

  app.get("/repos/:owner/:repo/hooks", (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    return c.json(paginate(c, ctx.store.state.hooks.filter((h) => h.repoId === repo.id)).map((h) => hookJson(ctx, repo, h)));
  });

  app.get("/repos/:owner/:repo/hooks/:id", (c) => {
    const { repo, hook } = findHook(c);
    return c.json(hookJson(ctx, repo, hook));
  });

  app.patch("/repos/:owner/:repo/hooks/:id", async (c) => {
    const { repo, hook } = findHook(c);
    const body = await readJson(c);
    const config = (body.config ?? {}) as Record<string, unknown>;
    if (typeof config.url === "string") hook.url = config.url;
    if (typeof config.secret === "string") hook.secret = config.secret || null;
    if (config.content_type === "json" || config.content_type === "form") hook.contentType = config.content_type;
    if (Array.isArray(body.events)) hook.events = body.events.map(String);
    if (typeof body.active === "boolean") hook.active = body.active;
    hook.updatedAt = ctx.now();
    ctx.store.changed();
    return c.json(hookJson(ctx, repo, hook));
  });

  app.delete("/repos/:owner/:repo/hooks/:id", (c) => {
    const { hook } = findHook(c);
    ctx.store.state.hooks = ctx.store.state.hooks.filter((h) => h.id !== hook.id);
    ctx.store.changed();
    return c.body(null, 204);
  });

  app.post("/repos/:owner/:repo/hooks/:id/pings", (c) => {
    const { repo, hook } = findHook(c);
    webhooks.emitTo(hook, "ping", pingPayload(ctx, repo, hook, c.get("user")));
    return c.body(null, 204);
  });

  app.get("/repos/:owner/:repo/hooks/:id/deliveries", (c) => {
    const { hook } = findHook(c);
    const deliveries = ctx.store.state.deliveries.filter((d) => d.hookId === hook.id).sort((a, b) => b.id - a.id);
    return c.json(paginate(c, deliveries).map(deliveryItemJson));
  });

  app.get("/repos/:owner/:repo/hooks/:id/deliveries/:delivery", (c) => {
    const { repo, hook } = findHook(c);
    const delivery = ctx.store.state.deliveries.find((d) => d.hookId === hook.id && d.id === Number(c.req.param("delivery")));
    if (!delivery) throw notFound();
    return c.json(deliveryJson(ctx, repo, delivery));
  });

  app.post("/repos/:owner/:repo/hooks/:id/deliveries/:delivery/attempts", (c) => {
    const { hook } = findHook(c);
    const delivery = ctx.store.state.deliveries.find((d) => d.hookId === hook.id && d.id === Number(c.req.param("delivery")));
    if (!delivery) throw notFound();
    webhooks.redeliver(delivery);
    return c.json({}, 202);
  });

  function findHook(c: ApiContext) {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const hook = ctx.store.state.hooks.find((h) => h.repoId === repo.id && h.id === Number(c.req.param("id")));
    if (!hook) throw notFound();
    return { repo, hook };
  }
}
