// Reads of security findings (runbook §6 security endpoints). Every read goes through the access
// interface: a repository-scoped read asserts read access, a list is filtered to the viewer's readable
// repositories in the query itself.
import type { SecurityScanResult } from "@/generated/prisma/client";
import { assertRepoAccess, readableRepoNames, type Viewer } from "../access";
import type { Db } from "../db/client";
import { SEVERITIES, type Severity } from "./catalog";

export { SEVERITIES, type Severity };

function toDto(r: SecurityScanResult) {
  return {
    id: r.id.toString(),
    repoFullName: r.repoFullName,
    commitSha: r.commitSha,
    branch: r.branch,
    severity: r.severity,
    vulnerabilityType: r.vulnerabilityType,
    filePath: r.filePath,
    lineNumber: r.lineNumber,
    description: r.description,
    cveId: r.cveId,
    ruleId: r.ruleId,
    cwe: r.cwe,
    fixAdvice: r.fixAdvice,
    evidence: r.evidence,
    scanner: r.scanner,
    createdAt: r.createdAt.toISOString(),
  };
}
export type SecurityScanDto = ReturnType<typeof toDto>;

export interface ScanFilters {
  repo?: string;
  branch?: string;
  severity?: Severity;
  commitSha?: string;
  limit?: number;
}

async function repoFilter(viewer: Viewer, repo: string | undefined): Promise<{ repoFullName: string | { in: string[] } }> {
  if (repo) {
    await assertRepoAccess(viewer, repo, "read");
    return { repoFullName: repo };
  }
  return { repoFullName: { in: await readableRepoNames(viewer) } };
}

export async function listScans(db: Db, viewer: Viewer, opts: ScanFilters = {}): Promise<SecurityScanDto[]> {
  const rows = await db.securityScanResult.findMany({
    where: {
      ...(await repoFilter(viewer, opts.repo)),
      ...(opts.branch && { branch: opts.branch }),
      ...(opts.severity && { severity: opts.severity }),
      ...(opts.commitSha && { commitSha: opts.commitSha.length === 40 ? opts.commitSha : { startsWith: opts.commitSha } }),
    },
    // Most severe first within a commit, newest commits first.
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(opts.limit ?? 500, 2000),
  });
  return rows.map(toDto);
}

export async function getSecurityStats(db: Db, viewer: Viewer, opts: { repo?: string; branch?: string } = {}) {
  const where = { ...(await repoFilter(viewer, opts.repo)), ...(opts.branch && { branch: opts.branch }) };
  const [groups, scans, lastScan] = await Promise.all([
    db.securityScanResult.groupBy({ by: ["severity"], where, _count: { _all: true } }),
    db.securityScan.count({ where }),
    db.securityScan.findFirst({ where, orderBy: { scannedAt: "desc" }, select: { scannedAt: true, repoFullName: true, commitSha: true } }),
  ]);
  const count = (s: Severity) => groups.find((g) => g.severity === s)?._count._all ?? 0;
  return {
    totalScans: scans,
    criticalCount: count("CRITICAL"),
    highCount: count("HIGH"),
    mediumCount: count("MEDIUM"),
    lowCount: count("LOW"),
    lastScanAt: lastScan?.scannedAt.toISOString() ?? null,
  };
}

/** Repositories and branches that have scans, for the page's filters (readable ones only). */
export async function listScanTargets(db: Db, viewer: Viewer) {
  const rows = await db.securityScan.findMany({
    where: await repoFilter(viewer, undefined),
    distinct: ["repoFullName", "branch"],
    select: { repoFullName: true, branch: true },
    orderBy: [{ repoFullName: "asc" }, { branch: "asc" }],
  });
  const repos = new Map<string, string[]>();
  for (const r of rows) repos.set(r.repoFullName, [...(repos.get(r.repoFullName) ?? []), ...(r.branch ? [r.branch] : [])]);
  return [...repos].map(([repoFullName, branches]) => ({ repoFullName, branches }));
}
