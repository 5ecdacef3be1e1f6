// The signed-in user, other users and organisations, and their repositories.
import type { Hono } from "hono";
import { isAffiliated, repoPermission, userByLogin, type SimContext } from "../../core/context";
import { repoJson } from "../../json/repo-json";
import { organizationJson, privateUserJson, simpleUserJson } from "../../json/user-json";
import { createRepository } from "../../repo-ops/create-repository";
import type { SimUser } from "../../store/state";
import { GitHubError, invalid, notFound } from "../github-error";
import { paginate, readJson, requiredString, type ApiEnv } from "../route-helpers";

export function userRoutes(ctx: SimContext, app: Hono<ApiEnv>): void {
  app.get("/user", (c) => c.json(privateUserJson(ctx, c.get("user"))));

  app.get("/user/emails", (c) => {
    const user = c.get("user");
    const emails = user.email ? [{ email: user.email, primary: true, verified: true, visibility: "private" }] : [];
    return c.json(emails);
  });

  app.get("/user/orgs", (c) => {
    const orgs = ctx.store.state.users.filter((u) => u.type === "Organization" && u.members.includes(c.get("user").id));
    return c.json(paginate(c, orgs).map((o) => organizationJson(ctx, o)));
  });

  app.get("/user/repos", (c) => {
    const user = c.get("user");
    const repos = ctx.store.state.repos
      .filter((r) => isAffiliated(ctx, user, r))
      .sort((a, b) => a.name.localeCompare(b.name));
    return c.json(paginate(c, repos).map((r) => repoJson(ctx, r, user)));
  });

  app.post("/user/repos", async (c) => createRepoFor(c.get("user"), c.get("user"), await readJson(c), c));

  app.get("/users/:login", (c) => {
    const user = userByLogin(ctx, c.req.param("login"));
    if (!user) throw notFound();
    return c.json(user.type === "User" ? { ...privateUserJson(ctx, user), email: user.email } : simpleUserJson(ctx, user));
  });

  app.get("/orgs/:org", (c) => {
    const org = orgOf(c.req.param("org"));
    return c.json({
      ...organizationJson(ctx, org),
      name: org.name,
      html_url: `${ctx.baseUrl}/${org.login}`,
      has_organization_projects: false,
      has_repository_projects: false,
      public_repos: ctx.store.state.repos.filter((r) => r.ownerId === org.id && !r.private).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: org.createdAt,
      updated_at: org.createdAt,
      type: "Organization",
      archived_at: null,
    });
  });

  app.get("/orgs/:org/repos", (c) => {
    const org = orgOf(c.req.param("org"));
    const user = c.get("user");
    const repos = ctx.store.state.repos
      .filter((r) => r.ownerId === org.id && repoPermission(ctx, user, r) !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
    return c.json(paginate(c, repos).map((r) => repoJson(ctx, r, user)));
  });

  app.post("/orgs/:org/repos", async (c) => {
    const org = orgOf(c.req.param("org"));
    if (!org.members.includes(c.get("user").id) || (org.memberRoles?.[String(c.get("user").id)] ?? "admin") !== "admin") throw new GitHubError(403, "You need admin access to the organization before adding a repository to it.");
    return createRepoFor(org, c.get("user"), await readJson(c), c);
  });

  function orgOf(login: string): SimUser {
    const org = userByLogin(ctx, login);
    if (!org || org.type !== "Organization") throw notFound();
    return org;
  }

  async function createRepoFor(owner: SimUser, actor: SimUser, body: Record<string, unknown>, c: { json: (b: unknown, s: 201) => Response }) {
    const name = requiredString(body, "name", "Repository");
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw invalid("Repository", "name", "custom", "name is invalid");
    if (ctx.store.state.repos.some((r) => r.ownerId === owner.id && r.name.toLowerCase() === name.toLowerCase())) {
      throw invalid("Repository", "name", "custom", "name already exists on this account");
    }
    const repo = await createRepository(ctx, {
      owner,
      actor,
      name,
      description: typeof body.description === "string" ? body.description : null,
      private: body.private === true,
      autoInit: body.auto_init === true,
    });
    return c.json(repoJson(ctx, repo, actor), 201);
  }
}
