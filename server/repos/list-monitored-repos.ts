import type { MonitoredRepo } from "@/generated/prisma/client";
import type { Db } from "../db/client";
import { olderThan, pageSize, toPage, type PageRequest } from "../http/pagination";

/** Repositories InfraFlow watches (runbook GET /api/user/repos/monitored), newest first, a page at a time. */
export async function listMonitoredRepos(db: Db, opts: { userId?: bigint } & PageRequest = {}) {
  const size = pageSize(opts.limit);
  const rows = await db.monitoredRepo.findMany({
    where: { ...(opts.userId && { userId: opts.userId }), ...olderThan(opts.cursor) },
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
