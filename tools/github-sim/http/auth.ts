// Token authentication as GitHub does it: `Authorization: token X` or `Bearer X`; an unknown token is
// "Bad credentials", a missing one "Requires authentication".
import type { Context } from "hono";
import type { SimContext } from "../core/context";
import type { SimUser } from "../store/state";
import { GitHubError } from "./github-error";

export function tokenFrom(c: Context): string | null {
  const header = c.req.header("authorization");
  if (!header) return null;
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

export function authenticatedUser(ctx: SimContext, c: Context): SimUser {
  const token = tokenFrom(c);
  if (!token) throw new GitHubError(401, "Requires authentication");
  const record = ctx.store.state.tokens.find((t) => t.token === token);
  const user = record && ctx.store.state.users.find((u) => u.id === record.userId);
  if (!record || !user) throw new GitHubError(401, "Bad credentials");
  return user;
}

export function tokenScopes(ctx: SimContext, c: Context): string[] {
  const token = tokenFrom(c);
  return ctx.store.state.tokens.find((t) => t.token === token)?.scopes ?? [];
}
