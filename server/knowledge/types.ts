// The knowledge base's data, shaped like the runbook's graph (§7): (:FailurePattern)-[:HAS_FIX {weight}]->(:Fix).
import type { FailureType } from "../analysis/failure-types";

/** One file of a cached fix: a unified diff against the file as it was, and/or the file's full new content. */
export interface FileChange {
  path: string;
  diff?: string;
  content?: string;
}

export interface KbPattern {
  id: string;
  failureType: FailureType;
  signature: string;
  signatureText: string;
  /** Lookups this pattern answered (exact or as the most similar pattern). */
  hitCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface KbFix {
  id: string;
  strategy: string;
  changes: FileChange[];
  contentHash: string;
  confidence: number;
  successCount: number;
  /** Failed or rejected (runbook §7). */
  failureCount: number;
  rejectedCount: number;
  appliedCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A fix as seen from one pattern: the HAS_FIX weight (1 for the pattern it was made for). */
export interface KbPatternFix extends KbFix {
  weight: number;
}

export interface KbPatternSummary extends KbPattern {
  fixCount: number;
  /** Highest confidence among its fixes, 0 without fixes. */
  bestConfidence: number;
}

export interface KbStats {
  totalPatterns: number;
  totalFixes: number;
  /** Mean confidence over all fixes (0 when there are none). */
  averageConfidence: number;
  topFailureTypes: { type: FailureType; count: number }[];
}

export const FIX_OUTCOMES = ["applied", "succeeded", "failed", "rejected"] as const;
export type FixOutcome = (typeof FIX_OUTCOMES)[number];

/** A failure as the analysis describes it: the key of a pattern. */
export interface FailureKey {
  failureType: FailureType;
  /** Hex fingerprint (server/analysis/compute-signature.ts). */
  signature: string;
  /** The normalized text that was hashed; compared for similarity. */
  signatureText: string;
}
