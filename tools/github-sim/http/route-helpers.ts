// Small pieces every route uses: the repository of the path, JSON bodies, required fields, pages.
import type { Context } from "hono";
import { canAdmin, findRepo, permissionAtLeast, repoPermission, type SimContext } from "../core/context";
import type { SimRepo, SimUser } from "../store/state";
import { GitHubError, invalid, notFound } from "./github-error";

export type ApiEnv = { Variables: { user: SimUser } };
export type ApiContext = Context<ApiEnv>;

export function pathRepo(ctx: SimContext, c: ApiContext): SimRepo {
  const repo = findRepo(ctx, c.req.param("owner") ?? "", c.req.param("repo") ?? "");
  // Private repositories are invisible, not forbidden, to users without access, as on GitHub.
  if (!repo || !repoPermission(ctx, c.get("user"), repo)) throw notFound();
  return repo;
}

export function requireAdmin(ctx: SimContext, c: ApiContext, repo: SimRepo): void {
  if (!canAdmin(ctx, c.get("user"), repo)) throw new GitHubError(404, "Not Found");
}

/** Writes need push access: a repository the user can see but not write answers 403, as on GitHub. */
export function requirePush(ctx: SimContext, c: ApiContext, repo: SimRepo): void {
  if (!permissionAtLeast(repoPermission(ctx, c.get("user"), repo), "push")) throw new GitHubError(403, "Must have push access to repository");
}

export async function readJson(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new GitHubError(400, "Problems parsing JSON");
}

export function requiredString(body: Record<string, unknown>, field: string, resource: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw invalid(resource, field, "missing_field");
  if (typeof value !== "string" || value === "") throw invalid(resource, field, "invalid");
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string, resource: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(resource, field, "invalid");
  return value;
}

export function isSha(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{40}$/.test(value);
}

/** Pages a list like GitHub (per_page up to 100) and sets the Link header Octokit's paginate follows. */
export function paginate<T>(c: Context, items: T[]): T[] {
  const perPage = Math.min(Math.max(Number(c.req.query("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(c.req.query("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => {
    const url = new URL(c.req.url);
    url.searchParams.set("page", String(p));
    url.searchParams.set("per_page", String(perPage));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
  if (links.length > 0) c.header("Link", links.join(", "));
  return items.slice((page - 1) * perPage, page * perPage);
}
