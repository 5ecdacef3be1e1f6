// Repository collaborators with a role (GitHub's PUT/DELETE /repos/{owner}/{repo}/collaborators/{username}).
// GitHub invites and the user accepts; the simulator adds them at once (the 204 answer GitHub gives when
// it updates an existing collaborator), so a test can make a read-only collaborator in one call.
import type { Hono } from "hono";
import { permissionAtLeast, repoPermission, userByLogin, type SimContext } from "../../core/context";
import { SIM_PERMISSIONS, type SimPermission } from "../../store/state";
import { simpleUserJson } from "../../json/user-json";
import { invalid, notFound } from "../github-error";
import { pathRepo, readJson, requireAdmin, type ApiEnv } from "../route-helpers";

/** GitHub's API names: read = pull, write = push. */
const ALIASES: Record<string, SimPermission> = { read: "pull", write: "push" };

export function collaboratorRoutes(ctx: SimContext, app: Hono<ApiEnv>): void {
  app.put("/repos/:owner/:repo/collaborators/:username", async (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const user = userByLogin(ctx, c.req.param("username"));
    if (!user || user.type !== "User") throw notFound();
    const body = await readJson(c);
    const raw = typeof body.permission === "string" ? body.permission : "push";
    const permission = ALIASES[raw] ?? raw;
    if (!(SIM_PERMISSIONS as readonly string[]).includes(permission)) throw invalid("Repository", "permission", "invalid");
    repo.collaborators = [...(repo.collaborators ?? []).filter((x) => x.userId !== user.id), { userId: user.id, permission: permission as SimPermission }];
    ctx.store.changed();
    return c.body(null, 204);
  });

  app.delete("/repos/:owner/:repo/collaborators/:username", (c) => {
    const repo = pathRepo(ctx, c);
    requireAdmin(ctx, c, repo);
    const user = userByLogin(ctx, c.req.param("username"));
    if (user) repo.collaborators = (repo.collaborators ?? []).filter((x) => x.userId !== user.id);
    ctx.store.changed();
    return c.body(null, 204);
  });

  app.get("/repos/:owner/:repo/collaborators/:username/permission", (c) => {
    const repo = pathRepo(ctx, c);
    if (!permissionAtLeast(repoPermission(ctx, c.get("user"), repo), "push")) throw notFound();
    const user = userByLogin(ctx, c.req.param("username"));
    if (!user) throw notFound();
    const role = repoPermission(ctx, user, repo);
    const legacy = role === "admin" ? "admin" : role === "maintain" || role === "push" ? "write" : role ? "read" : "none";
    return c.json({ permission: legacy, role_name: role === "pull" ? "read" : role === "push" ? "write" : (role ?? "none"), user: simpleUserJson(ctx, user) });
  });
}
