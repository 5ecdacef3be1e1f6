// Rows of the kb_ tables (raw SQL, snake_case; fixes aggregated as JSON with string timestamps) to domain types.
import type { FailureType } from "../../analysis/failure-types";
import type { FileChange, KbFix, KbPattern, KbPatternFix, KbPatternSummary } from "../types";

export interface PatternRow {
  id: string;
  failure_type: string;
  signature: string;
  signature_text: string;
  hit_count: number;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
}

export interface FixRow {
  id: string;
  strategy: string;
  file_diffs: string;
  content_hash: string;
  confidence: number;
  success_count: number;
  failure_count: number;
  rejected_count: number;
  applied_count: number;
  created_at: Date | string;
  updated_at: Date | string;
  weight?: number;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export function toPattern(r: PatternRow): KbPattern {
  return {
    id: r.id,
    failureType: r.failure_type as FailureType,
    signature: r.signature,
    signatureText: r.signature_text,
    hitCount: Number(r.hit_count),
    firstSeenAt: date(r.first_seen_at),
    lastSeenAt: date(r.last_seen_at),
  };
}

export function toFix(r: FixRow): KbFix {
  return {
    id: r.id,
    strategy: r.strategy,
    changes: JSON.parse(r.file_diffs) as FileChange[],
    contentHash: r.content_hash,
    confidence: Number(r.confidence),
    successCount: Number(r.success_count),
    failureCount: Number(r.failure_count),
    rejectedCount: Number(r.rejected_count),
    appliedCount: Number(r.applied_count),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

export function toPatternFix(r: FixRow): KbPatternFix {
  return { ...toFix(r), weight: Number(r.weight ?? 1) };
}

export function toSummary(r: PatternRow & { fix_count: number; best_confidence: number }): KbPatternSummary {
  return { ...toPattern(r), fixCount: Number(r.fix_count), bestConfidence: Number(r.best_confidence) };
}
