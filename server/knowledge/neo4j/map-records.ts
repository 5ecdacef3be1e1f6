// Neo4j map projections (p {.*}, f {.*, weight: r.weight}) to domain types.
import neo4j from "neo4j-driver";
import type { FailureType } from "../../analysis/failure-types";
import type { FileChange, KbFix, KbPattern, KbPatternFix } from "../types";

type Props = Record<string, unknown>;

export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (neo4j.isDateTime(v as never)) return (v as unknown as { toStandardDate(): Date }).toStandardDate();
  return new Date(String(v));
}

export function neoDateTime(d: Date) {
  return neo4j.types.DateTime.fromStandardDate(d);
}

export function toPattern(p: Props): KbPattern {
  return {
    id: String(p.id),
    failureType: p.failureType as FailureType,
    signature: String(p.signature),
    signatureText: String(p.signatureText),
    hitCount: Number(p.hitCount ?? 0),
    firstSeenAt: toDate(p.firstSeenAt),
    lastSeenAt: toDate(p.lastSeenAt),
  };
}

export function toFix(f: Props): KbFix {
  return {
    id: String(f.id),
    strategy: String(f.strategy),
    changes: JSON.parse(String(f.fileDiffs)) as FileChange[],
    contentHash: String(f.contentHash),
    confidence: Number(f.confidence ?? 0),
    successCount: Number(f.successCount ?? 0),
    failureCount: Number(f.failureCount ?? 0),
    rejectedCount: Number(f.rejectedCount ?? 0),
    appliedCount: Number(f.appliedCount ?? 0),
    createdAt: toDate(f.createdAt),
    updatedAt: toDate(f.updatedAt),
  };
}

export function toPatternFix(f: Props): KbPatternFix {
  return { ...toFix(f), weight: Number(f.weight ?? 1) };
}
