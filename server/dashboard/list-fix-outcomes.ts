// Outcome history of knowledge-base fixes (the /knowledge page): every session that replayed or taught a
// fix, newest first, with where it stands (pending, rejected, applied) and its verified CI outcome.
import type { Db } from "../db/client";
import { olderThan, pageSize, toPage, type PageRequest } from "../http/pagination";

export async function listFixOutcomes(db: Db, opts: { repos: string[]; fixId?: string } & PageRequest) {
  const size = pageSize(opts.limit);
  const rows = await db.healingSession.findMany({
    where: {
      kbFixId: opts.fixId ?? { not: null },
      repoFullName: { in: opts.repos },
      ...olderThan(opts.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
    select: { id: true, kbFixId: true, repoFullName: true, failureType: true, source: true, status: true, outcome: true, verifiedAt: true, createdAt: true },
  });
  return toPage(
    rows,
    size,
    (r) => ({
      sessionId: r.id.toString(), fixId: r.kbFixId!, repoFullName: r.repoFullName, failureType: r.failureType, source: r.source,
      status: r.status, outcome: r.outcome, verifiedAt: r.verifiedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
    }),
    (r) => [r.createdAt.toISOString(), r.id.toString()],
  );
}
