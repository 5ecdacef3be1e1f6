// GitHub's OAuth web flow: authorize (a consent page for the demo user, or straight through when the
// simulator auto-approves), then exchange the code for a token. Any http://localhost or 127.0.0.1
// callback is allowed, so a dev server on any port can sign in.
import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { userByLogin, type SimContext } from "../../core/context";
import type { SimUser } from "../../store/state";

const CODE_LIFETIME_MS = 10 * 60_000;

export function oauthRoutes(ctx: SimContext, app: Hono, options: { autoApprove: boolean }): void {
  app.get("/login/oauth/authorize", (c) => {
    const request = authorizeRequest(ctx, Object.fromEntries(new URL(c.req.url).searchParams));
    if ("error" in request) return c.html(page("Authorization failed", `<p>${escape(request.error)}</p>`), 400);
    if (options.autoApprove) return c.redirect(issueCode(request), 302);
    const hidden = Object.entries(request.params)
      .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
      .join("");
    return c.html(
      page(
        `Authorize ${escape(request.appName)}`,
        `<p><strong>${escape(request.appName)}</strong> wants to access the account <strong>${escape(request.user.login)}</strong> on this local GitHub simulator.</p>
<form method="post" action="/login/oauth/authorize">${hidden}<button type="submit" name="authorize" value="1">Authorize ${escape(request.appName)}</button></form>`,
      ),
    );
  });

  app.post("/login/oauth/authorize", async (c) => {
    const form = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
    const request = authorizeRequest(ctx, form);
    if ("error" in request) return c.html(page("Authorization failed", `<p>${escape(request.error)}</p>`), 400);
    return c.redirect(issueCode(request), 302);
  });

  app.post("/login/oauth/access_token", async (c) => {
    const params: Record<string, string> = { ...basicClientCredentials(c), ...Object.fromEntries(new URL(c.req.url).searchParams), ...(await bodyParams(c)) };
    const app_ = ctx.store.state.oauthApps.find((a) => a.clientId === params.client_id);
    const reply = (body: Record<string, string>) => respond(c, body);
    if (!app_ || app_.clientSecret !== params.client_secret) {
      return reply({ error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect.", error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials" });
    }
    const code = ctx.store.state.oauthCodes.find((x) => x.code === params.code && x.clientId === app_.clientId);
    if (!code || Date.parse(code.expiresAt) < Date.now() || (params.redirect_uri && params.redirect_uri !== code.redirectUri)) {
      return reply({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired.", error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code" });
    }
    ctx.store.state.oauthCodes = ctx.store.state.oauthCodes.filter((x) => x !== code);
    const token = `gho_${randomBytes(18).toString("hex")}`;
    ctx.store.state.tokens.push({ token, userId: code.userId, kind: "oauth", scopes: code.scope.split(/[ ,]+/).filter(Boolean), createdAt: ctx.now() });
    ctx.store.changed();
    return reply({ access_token: token, token_type: "bearer", scope: code.scope });
  });

  function issueCode(request: AuthorizeRequest): string {
    const code = randomBytes(10).toString("hex");
    ctx.store.state.oauthCodes.push({
      code,
      clientId: request.params.client_id!,
      userId: request.user.id,
      redirectUri: request.redirectUri,
      scope: request.params.scope ?? "",
      expiresAt: new Date(Date.now() + CODE_LIFETIME_MS).toISOString(),
    });
    ctx.store.changed();
    const target = new URL(request.redirectUri);
    target.searchParams.set("code", code);
    if (request.params.state !== undefined) target.searchParams.set("state", request.params.state);
    return target.toString();
  }
}

interface AuthorizeRequest {
  params: Record<string, string>;
  appName: string;
  user: SimUser;
  redirectUri: string;
}

function authorizeRequest(ctx: SimContext, params: Record<string, string>): AuthorizeRequest | { error: string } {
  const app = ctx.store.state.oauthApps.find((a) => a.clientId === params.client_id);
  if (!app) return { error: "The client_id is not known to this simulator." };
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !isLocalCallback(redirectUri)) return { error: "The redirect_uri must be an http://localhost or http://127.0.0.1 URL." };
  const login = params.login || ctx.store.state.settings.demoUser;
  const user = login ? userByLogin(ctx, login) : undefined;
  if (!user || user.type !== "User") return { error: "No demo user to sign in as: seed the demo first." };
  return { params, appName: app.name, user, redirectUri };
}

function isLocalCallback(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

async function bodyParams(c: Context): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) return ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, string>;
  if (type.includes("form")) return Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
  return {};
}

// GitHub answers form-encoded unless the client asks for JSON; errors are 200s with an `error` field.
/** Client authentication by HTTP Basic (client_secret_basic), which GitHub accepts beside form fields. */
function basicClientCredentials(c: Context): Record<string, string> {
  const match = /^Basic\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  if (!match) return {};
  const [id, secret] = Buffer.from(match[1]!, "base64").toString("utf8").split(":");
  if (!id || secret === undefined) return {};
  return { client_id: decodeURIComponent(id), client_secret: decodeURIComponent(secret) };
}

function respond(c: Context, body: Record<string, string>): Response {
  if ((c.req.header("accept") ?? "").includes("application/json")) return c.json(body);
  return c.body(new URLSearchParams(body).toString(), 200, { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" });
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1rem;background:#1f883d;color:#fff;border:0;border-radius:6px;cursor:pointer}</style>
</head><body><h1>${title}</h1>${body}<p><small>Local GitHub simulator</small></p></body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
