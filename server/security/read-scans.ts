// Reads of security findings (runbook §6 security endpoints).
import type { SecurityScanResult } from "@/generated/prisma/client";
import type { Db } from "../db/client";

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Severity = (typeof SEVERITIES)[number];

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
    createdAt: r.createdAt.toISOString(),
  };
}
export type SecurityScanDto = ReturnType<typeof toDto>;

export async function listScans(db: Db, opts: { repo?: string; branch?: string; severity?: Severity; commitSha?: string; limit?: number } = {}) {
  const rows = await db.securityScanResult.findMany({
    where: {
      ...(opts.repo && { repoFullName: opts.repo }),
      ...(opts.branch && { branch: opts.branch }),
      ...(opts.severity && { severity: opts.severity }),
      ...(opts.commitSha && { commitSha: opts.commitSha }),
    },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 200,
  });
  return rows.map(toDto);
}

export async function getSecurityStats(db: Db, opts: { repo?: string } = {}) {
  const where = opts.repo ? { repoFullName: opts.repo } : {};
  const [groups, scans] = await Promise.all([
    db.securityScanResult.groupBy({ by: ["severity"], where, _count: { _all: true } }),
    db.securityScanResult.findMany({ where, distinct: ["repoFullName", "commitSha"], select: { commitSha: true } }),
  ]);
  const count = (s: Severity) => groups.find((g) => g.severity === s)?._count._all ?? 0;
  return { totalScans: scans.length, criticalCount: count("CRITICAL"), highCount: count("HIGH"), mediumCount: count("MEDIUM"), lowCount: count("LOW") };
}
