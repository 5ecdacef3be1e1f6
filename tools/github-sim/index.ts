// The local GitHub simulator's programmatic API: a GitHub Enterprise Server look-alike with real bare
// git repositories, Actions runs that execute their commands, signed webhooks, OAuth, and a demo LLM.
// Dev tooling and tests import this; the product never does.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ActionsService } from "./actions/actions-service";
import { findRepo, isoNow, userByLogin, type SimContext } from "./core/context";
import type { CreateWebhookOptions, SimController } from "./core/controller";
import { createEventHandlers } from "./core/events";
import { breakRepository, type BreakOptions, type BreakResult } from "./demo/break-repository";
import { DEMO_USER, ensureToken, seedDemo, type DemoSeed } from "./demo/seed-demo";
import { createApp } from "./http/app";
import { peopleOperations } from "./repo-ops/people";
import { Store } from "./store/store";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { pingPayload } from "./webhooks/payloads";

export type { DemoSeed } from "./demo/seed-demo";
export type { BreakResult } from "./demo/break-repository";
export type { CreateWebhookOptions } from "./core/controller";
export { scenarios } from "./demo/scenarios";

/** Events InfraFlow subscribes to when it creates a repository webhook. */
export const INFRAFLOW_WEBHOOK_EVENTS = ["push", "pull_request", "workflow_run", "workflow_job"];

export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  /** Skip the consent page and redirect straight back with a code (tests, `npm run dev`). */
  autoApproveOAuth?: boolean;
  /** Actions jobs running at once; the machine is shared, so keep it at 1–2. */
  maxConcurrentJobs?: number;
  /** Default job time limit when the workflow sets no `timeout-minutes`. */
  jobTimeoutMs?: number;
}

export interface GitHubSimulator extends SimController {
  /** http://127.0.0.1:<port> — web and OAuth root (GITHUB_URL for a GitHub Enterprise Server). */
  url: string;
  /** url + "/api/v3" — Octokit's baseUrl. */
  apiUrl: string;
  /** url + "/anthropic" — the Anthropic SDK's baseURL in demo mode. */
  anthropicUrl: string;
  /** OAuth endpoints as next-auth's GitHub provider needs them. */
  oauth: { authorizeUrl: string; tokenUrl: string; userInfoUrl: string };
  seedDemo(): Promise<DemoSeed>;
  breakRepository(options: BreakOptions): Promise<BreakResult>;
  /** Resolves when no job is queued or running and every webhook delivery was attempted. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startGitHubSimulator(options: StartOptions): Promise<GitHubSimulator> {
  const dataDir = path.resolve(options.dataDir);
  const store = await Store.open(dataDir);
  const hooks = { refUpdated: async () => undefined } as SimContext["hooks"];
  const ctx: SimContext = { store, dataDir, baseUrl: "", hooks, now: isoNow };
  const webhooks = new WebhookDispatcher(ctx);
  const actions = new ActionsService(ctx, (repo, event, payload) => webhooks.emit(repo, event, payload), {
    maxConcurrentJobs: options.maxConcurrentJobs ?? 2,
    jobTimeoutMs: options.jobTimeoutMs ?? 10 * 60_000,
  });
  const events = createEventHandlers(ctx, webhooks, actions);
  hooks.refUpdated = events.refUpdated;

  const controller: SimController = {
    ...peopleOperations(ctx),
    seedDemo: () => seedDemo(ctx),
    breakRepository: (o) => breakRepository(ctx, o),
    createWebhook: (o) => createWebhook(ctx, webhooks, o),
    async createToken(login) {
      const user = userByLogin(ctx, login);
      if (!user) throw new Error(`no user ${login}`);
      return ensureToken(ctx, user);
    },
  };

  const app = createApp({ ctx, actions, webhooks, pullEvents: events, controller, autoApprove: options.autoApproveOAuth ?? false });
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://${host}:${port}`;
  actions.recover();

  const idle = async () => {
    // Deliveries can start jobs' webhooks and jobs can queue deliveries: settle both.
    for (let i = 0; i < 50; i++) {
      await actions.idle();
      await webhooks.idle();
      await new Promise((r) => setTimeout(r, 20));
      if (await quiet()) return;
    }
  };
  const quiet = async () => {
    const pending = ctx.store.state.jobs.some((j) => j.status !== "completed");
    return !pending;
  };

  return {
    url: ctx.baseUrl,
    apiUrl: `${ctx.baseUrl}/api/v3`,
    anthropicUrl: `${ctx.baseUrl}/anthropic`,
    oauth: {
      authorizeUrl: `${ctx.baseUrl}/login/oauth/authorize`,
      tokenUrl: `${ctx.baseUrl}/login/oauth/access_token`,
      userInfoUrl: `${ctx.baseUrl}/api/v3/user`,
    },
    ...controller,
    idle,
    async stop() {
      await actions.stop();
      await webhooks.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.flush();
    },
  };
}

async function createWebhook(ctx: SimContext, webhooks: WebhookDispatcher, options: CreateWebhookOptions) {
  const repo = findRepo(ctx, options.owner, options.repo);
  if (!repo) throw new Error(`no repository ${options.owner}/${options.repo}`);
  const existing = ctx.store.state.hooks.find((h) => h.repoId === repo.id && h.url === options.url);
  if (existing) {
    existing.secret = options.secret ?? existing.secret;
    existing.events = options.events ?? existing.events;
    ctx.store.changed();
    return { id: existing.id, url: existing.url };
  }
  const now = ctx.now();
  const hook = {
    id: ctx.store.nextId(),
    repoId: repo.id,
    url: options.url,
    secret: options.secret ?? null,
    contentType: "json" as const,
    insecureSsl: "0" as const,
    events: options.events ?? INFRAFLOW_WEBHOOK_EVENTS,
    active: true,
    createdAt: now,
    updatedAt: now,
    lastResponse: { code: null, status: "unused", message: null },
  };
  ctx.store.state.hooks.push(hook);
  ctx.store.changed();
  const sender = userByLogin(ctx, DEMO_USER) ?? ctx.store.state.users[0]!;
  webhooks.emitTo(hook, "ping", pingPayload(ctx, repo, hook, sender));
  return { id: hook.id, url: hook.url };
}
