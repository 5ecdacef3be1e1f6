// A plain landing page and avatars, so links in API responses lead somewhere readable.
import type { Hono } from "hono";
import { fullName, type SimContext } from "../../core/context";

export function homeRoutes(ctx: SimContext, app: Hono): void {
  app.get("/", (c) => {
    const repos = ctx.store.state.repos.map((r) => {
      const runs = ctx.store.state.runs.filter((x) => x.repoId === r.id).sort((a, b) => b.id - a.id);
      const last = runs[0];
      return `<li>${fullName(ctx, r)} — ${last ? `${last.status}${last.conclusion ? ` (${last.conclusion})` : ""}` : "no runs"}</li>`;
    });
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>Local GitHub simulator</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto">
<h1>Local GitHub simulator</h1><p>REST API at <code>${ctx.baseUrl}/api/v3</code>.</p><ul>${repos.join("")}</ul></body></html>`);
  });

  app.get("/avatars/u/:id", (c) => {
    const hue = (Number(c.req.param("id")) * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue},55%,55%)"/></svg>`;
    return c.body(svg, 200, { "Content-Type": "image/svg+xml" });
  });
}
