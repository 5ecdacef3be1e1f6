// Stores one commit's scan once: the scan row and every finding keyed by (repository, commit, finding
// key) with ON CONFLICT DO NOTHING, in one transaction — a re-delivered push or a retried step writes
// nothing twice, and a failure writes nothing at all.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { Finding } from "./catalog";
import type { ScanNote } from "./scan-files";

/** At most this many findings are stored per commit (the most severe first). */
export const MAX_FINDINGS_PER_COMMIT = 2000;

export interface StoreScanRequest {
  repoFullName: string;
  commitSha: string;
  branch: string | null;
  filesScanned: number;
  findings: Finding[];
  notes: ScanNote[];
}

export const SEVERITY_ORDER = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;

export function findingKey(f: Finding): string {
  return createHash("sha256").update([f.ruleId, f.file, f.line ?? "", f.cveId ?? "", f.evidence ?? "", f.message].join("\u0000")).digest("hex");
}

export async function storeScanResults(db: Db, req: StoreScanRequest): Promise<{ inserted: number; alreadyStored: boolean }> {
  const findings = [...req.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, MAX_FINDINGS_PER_COMMIT);
  return db.$transaction(async (tx) => {
    const scan = await tx.securityScan.createMany({
      data: [{ repoFullName: req.repoFullName, commitSha: req.commitSha, branch: req.branch, filesScanned: req.filesScanned, findingCount: findings.length, notes: req.notes.map((n) => ({ ...n })) }],
      skipDuplicates: true,
    });
    const inserted = await tx.securityScanResult.createMany({
      data: findings.map((f) => ({
        repoFullName: req.repoFullName,
        commitSha: req.commitSha,
        branch: req.branch,
        severity: f.severity,
        vulnerabilityType: f.vulnerabilityType,
        filePath: f.file,
        lineNumber: f.line,
        description: f.message,
        cveId: f.cveId ?? null,
        ruleId: f.ruleId,
        cwe: f.cwe,
        fixAdvice: f.fixAdvice,
        evidence: f.evidence ?? null,
        scanner: f.scanner,
        findingKey: findingKey(f),
      })),
      skipDuplicates: true,
    });
    return { inserted: inserted.count, alreadyStored: scan.count === 0 };
  });
}

export async function isRepoMonitored(db: Db, repoFullName: string): Promise<boolean> {
  return (await db.monitoredRepo.count({ where: { repoFullName } })) > 0;
}
