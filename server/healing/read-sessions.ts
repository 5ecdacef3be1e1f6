// Reads of healing sessions for the dashboard and the REST API (runbook §6 healing endpoints).
import type { Viewer } from "../access";
import { assertRecordAccess, readableScope } from "../access/repo-scope";
import { AppError } from "../errors";
import type { Db } from "../db/client";
import { olderThan, pageSize, toPage, type PageRequest } from "../http/pagination";
import { toAuditLogEntryDto, toSessionDetailDto, toSessionSummaryDto } from "./session-dto";

export interface ListSessionsFilter {
  repo?: string;
  status?: string;
  failureType?: string;
  source?: string;
}

/** Newest first, a page at a time (server/http/pagination.ts). */
export async function listSessions(db: Db, viewer: Viewer, opts: ListSessionsFilter & PageRequest = {}) {
  const size = pageSize(opts.limit);
  const repos = await readableScope(viewer, opts.repo);
  const rows = await db.healingSession.findMany({
    where: {
      repoFullName: { in: repos },
      ...(opts.status && { status: opts.status }),
      ...(opts.failureType && { failureType: opts.failureType }),
      ...(opts.source && { source: opts.source }),
      ...olderThan(opts.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  return toPage(rows, size, toSessionSummaryDto, (r) => [r.createdAt.toISOString(), r.id.toString()]);
}

export function parseSessionId(id: string): bigint {
  if (!/^\d{1,18}$/.test(id)) throw new AppError("BAD_REQUEST", `Healing session id must be a number, got "${id}"`);
  return BigInt(id);
}

const missing = (id: string) => () => new AppError("NOT_FOUND", `Healing session ${id} does not exist`);

/** A session's repository after checking the viewer's access to it (`need`); not found when they may not
 *  read it. Server actions on a session (approve: push) call this too. */
export async function assertSessionAccess(db: Db, viewer: Viewer, id: string, need: "read" | "push" | "admin" = "read"): Promise<string> {
  const row = await db.healingSession.findUnique({ where: { id: parseSessionId(id) }, select: { repoFullName: true } });
  await assertRecordAccess(viewer, row?.repoFullName, need, missing(id));
  return row!.repoFullName;
}

export async function getSession(db: Db, viewer: Viewer, id: string) {
  await assertSessionAccess(db, viewer, id);
  const row = await db.healingSession.findUnique({ where: { id: parseSessionId(id) } });
  if (!row) throw missing(id)();
  return toSessionDetailDto(row);
}

/** The proposed fix, or null while none is generated yet (the REST route answers 204). */
export async function getFixPlan(db: Db, viewer: Viewer, id: string): Promise<unknown> {
  await assertSessionAccess(db, viewer, id);
  const row = await db.healingSession.findUnique({ where: { id: parseSessionId(id) }, select: { fixPlan: true } });
  if (!row) throw new AppError("NOT_FOUND", `Healing session ${id} does not exist`);
  return row.fixPlan ?? null;
}

export async function getAuditLog(db: Db, viewer: Viewer, id: string) {
  await assertSessionAccess(db, viewer, id);
  const sessionId = parseSessionId(id);
  const exists = await db.healingSession.count({ where: { id: sessionId } });
  if (!exists) throw new AppError("NOT_FOUND", `Healing session ${id} does not exist`);
  const rows = await db.fixAuditLog.findMany({ where: { sessionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toAuditLogEntryDto);
}
