import type { Db } from "../db/client";

/** Repositories InfraFlow watches (runbook GET /api/user/repos/monitored), newest first. */
export async function listMonitoredRepos(db: Db, opts: { userId?: bigint } = {}) {
  const rows = await db.monitoredRepo.findMany({
    where: opts.userId ? { userId: opts.userId } : {},
    orderBy: { createdAt: "desc" },
    include: { user: { select: { login: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    repoFullName: r.repoFullName,
    repoUrl: r.repoUrl,
    webhookId: r.webhookId?.toString() ?? null,
    monitoredBy: r.user.login,
    createdAt: r.createdAt.toISOString(),
  }));
}
export type MonitoredRepoDto = Awaited<ReturnType<typeof listMonitoredRepos>>[number];
