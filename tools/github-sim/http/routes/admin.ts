// The simulator's own admin endpoints (not GitHub's): seed the demo, break a repository by scenario,
// create a webhook or a token. Served on the loopback address the simulator binds to.
import type { Hono } from "hono";
import type { SimController } from "../../core/controller";
import { scenarios } from "../../demo/scenarios";
import { UnknownScenarioError } from "../../demo/break-repository";

export function adminRoutes(app: Hono, sim: SimController): void {
  app.get("/_admin/scenarios", (c) =>
    c.json(scenarios.map((s) => ({ name: s.name, repository: s.repository, description: s.description, failsCi: s.failsCi }))),
  );

  app.post("/_admin/scenarios/:name", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { repository?: string };
    try {
      const result = await sim.breakRepository({ scenario: c.req.param("name"), ...(body.repository ? { repository: body.repository } : {}) });
      return c.json(result, 201);
    } catch (error) {
      if (error instanceof UnknownScenarioError) return c.json({ message: error.message }, 404);
      throw error;
    }
  });

  app.post("/_admin/seed", async (c) => c.json(await sim.seedDemo()));

  app.post("/_admin/webhooks", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { repository?: string; url?: string; secret?: string; events?: string[] };
    if (!body.repository || !body.url) return c.json({ message: "repository and url are required" }, 422);
    const [owner, repo] = body.repository.split("/");
    return c.json(await sim.createWebhook({ owner: owner!, repo: repo!, url: body.url, ...(body.secret ? { secret: body.secret } : {}), ...(body.events ? { events: body.events } : {}) }), 201);
  });

  // People for access-control tests: a user (with a token), a repository (private unless said otherwise), a
  // collaborator's role (permission null removes them).
  app.post("/_admin/users", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { login?: string; name?: string };
    if (!body.login) return c.json({ message: "login is required" }, 422);
    return c.json(await sim.createUser({ login: body.login, ...(body.name ? { name: body.name } : {}) }), 201);
  });

  app.post("/_admin/repos", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { owner?: string; name?: string; private?: boolean };
    if (!body.owner || !body.name) return c.json({ message: "owner and name are required" }, 422);
    return c.json(await sim.createRepository({ owner: body.owner, name: body.name, private: body.private ?? true }), 201);
  });

  app.post("/_admin/collaborators", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { repository?: string; login?: string; permission?: "pull" | "triage" | "push" | "maintain" | "admin" | null };
    if (!body.repository || !body.login) return c.json({ message: "repository and login are required" }, 422);
    await sim.setCollaborator({ repository: body.repository, login: body.login, permission: body.permission ?? null });
    return c.body(null, 204);
  });

  app.post("/_admin/tokens", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { login?: string };
    return c.json({ token: await sim.createToken(body.login ?? "demo-dev") }, 201);
  });
}
