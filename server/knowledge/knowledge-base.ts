// The knowledge-base port. Storage only: which fix qualifies, how confidence is computed and what gets
// logged is decided by the domain functions (lookup-fix.ts, record-fix.ts, ...), so both adapters (Neo4j,
// and the same graph in PostgreSQL tables) behave the same and share one contract test suite.
import type { FailureType } from "../analysis/failure-types";
import type { FailureKey, FileChange, FixOutcome, KbFix, KbPattern, KbPatternFix, KbPatternSummary, KbStats } from "./types";
import type { OutcomeCounts } from "./fix-confidence";

export interface PatternWithFixes {
  pattern: KbPattern;
  /** Best first: confidence, then weight, then success count. */
  fixes: KbPatternFix[];
}

export interface SimilarCandidate extends PatternWithFixes {
  /** LSH bands shared with the query: a rough similarity, exact Jaccard is computed by the caller. */
  sharedBands: number;
}

/** A pattern with its LSH band keys (signature-similarity.ts), as written. */
export interface PatternInput extends FailureKey {
  bands: string[];
}

export interface NewFix {
  strategy: string;
  changes: FileChange[];
  contentHash: string;
}

export interface KnowledgeBase {
  readonly kind: "neo4j" | "postgres";

  /** The pattern with this exact signature, with its fixes. */
  findPattern(signature: string): Promise<PatternWithFixes | null>;

  /** Patterns sharing at least one band key, most shared first, at most `limit`, with their fixes. */
  findSimilar(query: { bands: string[]; excludeSignature: string; limit: number }): Promise<SimilarCandidate[]>;

  /**
   * Records that a failure was looked up: creates its pattern on first sight, moves lastSeenAt, and adds
   * one hit to `hitPatternId` (the pattern whose fix answered), if any.
   */
  recordSighting(input: { pattern: PatternInput; hitPatternId?: string; at: Date }): Promise<KbPattern>;

  /**
   * Adds a fix to the pattern (creating the pattern if needed) with HAS_FIX weight 1. A fix with the same
   * content hash already on that pattern is returned instead (created: false).
   */
  addFix(input: { pattern: PatternInput; fix: NewFix; at: Date }): Promise<{ pattern: KbPattern; fix: KbFix; created: boolean }>;

  /** Links an existing pattern to an existing fix (no-op when linked); false when either is missing. */
  linkFix(input: { signature: string; fixId: string; weight: number }): Promise<boolean>;

  /**
   * Adds one outcome to a fix's counts and stores `confidence(newCounts)`, atomically: concurrent
   * outcomes for the same fix all count. Null when the fix does not exist.
   */
  recordOutcome(input: { fixId: string; outcome: FixOutcome; at: Date; confidence: (counts: OutcomeCounts) => number }): Promise<KbFix | null>;

  getFix(fixId: string): Promise<KbFix | null>;
  /** Patterns that link to a fix (signature texts, to weigh a new link). */
  patternsOfFix(fixId: string): Promise<KbPattern[]>;

  stats(): Promise<KbStats>;
  listPatterns(filter: { failureType?: FailureType; limit: number; offset: number }): Promise<KbPatternSummary[]>;
  /** Null when the pattern does not exist. */
  listFixes(patternId: string): Promise<KbPatternFix[] | null>;

  /** Releases what the adapter owns (not a shared driver or Prisma client). */
  close(): Promise<void>;
}
