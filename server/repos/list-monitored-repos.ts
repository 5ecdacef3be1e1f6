import type { MonitoredRepo } from "@/generated/prisma/client";
import { readableRepoNames, type Viewer } from "../access";
import type { Db } from "../db/client";
import { olderThan, pageSize, toPage, type PageRequest } from "../http/pagination";

/** Repositories InfraFlow watches that the viewer may read (runbook GET /api/user/repos/monitored; `mine`:
 *  only those the viewer monitors), newest first, a page at a time. */
export async function listMonitoredRepos(db: Db, viewer: Viewer, opts: { mine?: boolean } & PageRequest = {}) {
  const size = pageSize(opts.limit);
  const repos = await readableRepoNames(viewer);
  const rows = await db.monitoredRepo.findMany({
    where: { repoFullName: { in: repos }, ...(opts.mine && { userId: viewer.id }), ...olderThan(opts.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
    include: { user: { select: { login: true } } },
  });
  return toPage(rows, size, toMonitoredRepoDto, (r) => [r.createdAt.toISOString(), r.id.toString()]);
}

function toMonitoredRepoDto(r: MonitoredRepo & { user: { login: string } }) {
  return {
    id: r.id.toString(),
    repoFullName: r.repoFullName,
    repoUrl: r.repoUrl,
    webhookId: r.webhookId?.toString() ?? null,
    monitoredBy: r.user.login,
    createdAt: r.createdAt.toISOString(),
  };
}
export type MonitoredRepoDto = ReturnType<typeof toMonitoredRepoDto>;
