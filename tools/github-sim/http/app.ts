// Assembles the HTTP surface: GitHub's REST API under /api/v3, OAuth, log downloads, the demo LLM
// and the simulator's admin endpoints.
import { Hono, type Context } from "hono";
import type { ActionsService } from "../actions/actions-service";
import type { SimController } from "../core/controller";
import type { SimContext } from "../core/context";
import { anthropicRoutes } from "../llm/anthropic-routes";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import { authenticatedUser, tokenScopes } from "./auth";
import { errorResponse, GitHubError } from "./github-error";
import { pathRepo, requirePush, type ApiEnv } from "./route-helpers";
import { collaboratorRoutes } from "./routes/collaborators";
import { actionRoutes } from "./routes/actions";
import { adminRoutes } from "./routes/admin";
import { contentRoutes } from "./routes/contents";
import { gitDataRoutes } from "./routes/git-data";
import { homeRoutes } from "./routes/home";
import { hookRoutes } from "./routes/hooks";
import { logRoutes } from "./routes/logs";
import { oauthRoutes } from "./routes/oauth";
import { pullRoutes, type PullEvents } from "./routes/pulls";
import { repoRoutes } from "./routes/repos";
import { userRoutes } from "./routes/users";

export interface AppParts {
  ctx: SimContext;
  actions: ActionsService;
  webhooks: WebhookDispatcher;
  pullEvents: PullEvents;
  controller: SimController;
  autoApprove: boolean;
}

export function createApp(parts: AppParts): Hono {
  const { ctx } = parts;
  const onError = (error: Error, c: Context) => {
    if (error instanceof GitHubError) return errorResponse(c, error);
    console.error("[github-sim]", error);
    return errorResponse(c, new GitHubError(500, `Server Error: ${error.message}`));
  };

  const api = new Hono<ApiEnv>();
  api.onError((error, c) => onError(error, c as unknown as Context));
  api.use("*", async (c, next) => {
    c.header("X-GitHub-Media-Type", "github.v3; format=json");
    c.header("X-GitHub-Enterprise-Version", "3.19.0");
    c.header("X-GitHub-Request-Id", crypto.randomUUID());
    c.set("user", authenticatedUser(ctx, c));
    c.header("X-OAuth-Scopes", tokenScopes(ctx, c).join(", "));
    await next();
  });
  // Every write to a repository needs push (hooks and collaborators check admin themselves, answering 404).
  api.use("/repos/:owner/:repo/*", async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !/\/repos\/[^/]+\/[^/]+\/(hooks|collaborators)(\/|$)/.test(path)) {
      requirePush(ctx, c, pathRepo(ctx, c));
    }
    await next();
  });
  userRoutes(ctx, api);
  collaboratorRoutes(ctx, api);
  repoRoutes(ctx, api);
  contentRoutes(ctx, api);
  gitDataRoutes(ctx, api);
  pullRoutes(ctx, api, parts.pullEvents);
  hookRoutes(ctx, api, parts.webhooks);
  actionRoutes(ctx, api, parts.actions);
  api.notFound((c) => errorResponse(c, new GitHubError(404, "Not Found")));

  const app = new Hono();
  app.onError(onError);
  app.get("/api/v3", (c) => c.json({ current_user_url: `${ctx.baseUrl}/api/v3/user`, installed_version: "3.19.0" }));
  app.route("/api/v3", api);
  oauthRoutes(ctx, app, { autoApprove: parts.autoApprove });
  logRoutes(ctx, app, parts.actions);
  anthropicRoutes(app);
  adminRoutes(app, parts.controller);
  homeRoutes(ctx, app);
  app.notFound((c) => errorResponse(c, new GitHubError(404, "Not Found")));
  return app;
}
