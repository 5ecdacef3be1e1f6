// The knowledge-base port. Storage only: the rules (thresholds, how confidence is computed, what gets
// logged) come from the domain functions (lookup-fix.ts, record-fix.ts, ...) and are passed in, so both
// adapters (Neo4j, and the same graph in PostgreSQL tables) behave the same and share one contract suite.
import type { FailureType } from "../analysis/failure-types";
import type { FailureKey, FileChange, FixOutcome, KbFix, KbPattern, KbPatternFix, KbPatternSummary, KbStats } from "./types";
import type { OutcomeCounts } from "./fix-confidence";

/** What one viewer may see of the knowledge base: patterns whose signature was seen, and fixes that were
 *  proposed or reused, in a healing session of a repository they may read. */
export interface KbVisibility {
  signatures: string[];
  fixIds: string[];
}

/** A pattern's fixes as the viewer may see them; null when the pattern itself is not visible. */
export function visibleFixes(found: PatternWithFixes, visible: KbVisibility | undefined): KbPatternFix[] | null {
  if (!visible) return found.fixes;
  if (!visible.signatures.includes(found.pattern.signature)) return null;
  const ids = new Set(visible.fixIds);
  return found.fixes.filter((f) => ids.has(f.id));
}

export interface PatternWithFixes {
  pattern: KbPattern;
  /** Best first: confidence, then weight, then success count. */
  fixes: KbPatternFix[];
}

/** Just what re-ranking needs; details come from claimSimilar for the few that make it. */
export interface SimilarCandidate {
  id: string;
  failureType: FailureType;
  signatureText: string;
  /** LSH bands shared with the query: a rough similarity, exact Jaccard is computed by the caller. */
  sharedBands: number;
}

/** When a fix may be used without asking the LLM (KB_MIN_CONFIDENCE, KB_MIN_SUCCESS_COUNT). */
export interface QualifyingFix {
  minConfidence: number;
  minSuccessCount: number;
}

export function qualifies(fix: Pick<KbPatternFix, "confidence" | "successCount">, q: QualifyingFix): boolean {
  return fix.confidence >= q.minConfidence && fix.successCount >= q.minSuccessCount;
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

  /**
   * The lookup's first step, in one round trip: creates the failure's pattern on first sight (with its band
   * keys) or moves its lastSeenAt, adds one hit when one of its fixes meets `qualifying` (confidence and
   * success count at or above), and returns the pattern with its fixes. Sightings are bookkeeping: an
   * adapter may commit them without waiting for the disk.
   */
  sightPattern(input: { pattern: PatternInput; qualifying: QualifyingFix; at: Date }): Promise<PatternWithFixes>;

  /**
   * Patterns sharing at least one band key, most shared first, at most `limit`. A band key that more than
   * `maxPatternsPerBand` patterns share is ignored: it is boilerplate every error of a kind has, tells
   * nothing, and would make the lookup's cost grow with the knowledge base.
   */
  findSimilar(query: { bands: string[]; excludeSignature: string; limit: number; maxPatternsPerBand: number }): Promise<SimilarCandidate[]>;

  /**
   * The lookup's similar step, in one round trip: these patterns with their fixes (best first), in the
   * order given (unknown ids left out), and one hit on the first of them with a fix meeting `qualifying`.
   * The patterns are returned as they were before that hit.
   */
  claimSimilar(input: { patternIds: string[]; qualifying: QualifyingFix; at: Date }): Promise<PatternWithFixes[]>;

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

  /** Dashboard reads take what the viewer may see (server/knowledge/kb-visibility.ts), applied in the query;
   *  without it they see everything (CLI, benchmarks). */
  stats(visible?: KbVisibility): Promise<KbStats>;
  listPatterns(filter: { failureType?: FailureType; limit: number; offset: number; visible?: KbVisibility }): Promise<KbPatternSummary[]>;
  /** Null when the pattern does not exist. */
  /** null when the pattern does not exist or is not visible; only visible fixes otherwise. */
  listFixes(patternId: string, visible?: KbVisibility): Promise<KbPatternFix[] | null>;

  /** Releases what the adapter owns (not a shared driver or Prisma client). */
  close(): Promise<void>;
}
