// Targets of the log redirects: plain text for a job, a zip for a run. Authorised by the signed URL.
import type { Hono } from "hono";
import { readJobLog } from "../../actions/job-log";
import { runLogsZip } from "../../actions/run-logs-zip";
import type { ActionsService } from "../../actions/actions-service";
import type { SimContext } from "../../core/context";
import { GitHubError } from "../github-error";
import { verifyLogUrl } from "../signed-log-url";

export function logRoutes(ctx: SimContext, app: Hono, actions: ActionsService): void {
  app.get("/_logs/jobs/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!verifyLogUrl(ctx, "job", id, c.req.query("expires") ?? "", c.req.query("sig") ?? "")) throw new GitHubError(403, "Signature expired or invalid");
    return c.body(await readJobLog(ctx.dataDir, id), 200, { "Content-Type": "text/plain; charset=utf-8" });
  });

  app.get("/_logs/runs/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!verifyLogUrl(ctx, "run", id, c.req.query("expires") ?? "", c.req.query("sig") ?? "")) throw new GitHubError(403, "Signature expired or invalid");
    const run = ctx.store.state.runs.find((r) => r.id === id);
    if (!run) throw new GitHubError(404, "Not Found");
    const zip = await runLogsZip(ctx.dataDir, actions.jobsOf(run));
    return c.body(new Uint8Array(zip), 200, { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename=logs_${id}.zip` });
  });
}
