// The fast path (runbook §4.2): is there a proven fix for this failure? Exact signature first; otherwise
// the most similar pattern of the same failure type at or above KB_MIN_SIMILARITY (signature-similarity.ts).
// Only fixes with confidence >= KB_MIN_CONFIDENCE and successCount >= KB_MIN_SUCCESS_COUNT qualify.
// Every lookup is recorded on the failure's pattern (created on first sight, lastSeenAt) and a hit on the
// pattern that answered (hitCount). On a miss, the best unproven fix, if any, comes back as a hint.
import type { Logger } from "pino";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { PatternWithFixes } from "./knowledge-base";
import { signatureBands, signatureFeatures, jaccard } from "./signature-similarity";
import type { FailureKey, KbPattern, KbPatternFix } from "./types";
import type { KbSettings } from "./kb-settings";

/** Similar-pattern candidates re-ranked by exact similarity (most shared LSH bands first). */
export const SIMILAR_CANDIDATES = 50;

export interface KbMatch {
  /** The pattern whose fix it is (the failure's own pattern on an exact match). */
  pattern: KbPattern;
  fix: KbPatternFix;
  match: "exact" | "similar";
  /** 1 for an exact match; Jaccard similarity of the signature texts otherwise. */
  similarity: number;
}

export type LookupResult =
  | ({ hit: true; confidence: number } & KbMatch)
  | { hit: false; reason: "disabled" | "unknown" | "unproven"; hint?: KbMatch };

export async function lookupFix(failure: FailureKey, options: KbContextOptions & { now?: Date } = {}): Promise<LookupResult> {
  const { kb, settings, log } = currentKbContext(options);
  if (!settings.enabled) return miss(log, { hit: false, reason: "disabled" });

  const exact = await kb.findPattern(failure.signature);
  let found: KbMatch | null = exact ? pick(exact, 1, "exact", settings) : null;
  let hint: KbMatch | null = exact ? hintFrom(exact, 1, "exact") : null;
  let known = exact !== null;
  const bands = signatureBands(failure.failureType, failure.signatureText);

  if (!found) {
    const candidates = await kb.findSimilar({ bands, excludeSignature: failure.signature, limit: SIMILAR_CANDIDATES });
    const features = signatureFeatures(failure.signatureText);
    const ranked = candidates
      .filter((c) => c.pattern.failureType === failure.failureType)
      .map((c) => ({ c, similarity: jaccard(features, signatureFeatures(c.pattern.signatureText)) }))
      .filter((r) => r.similarity >= settings.minSimilarity)
      .sort((a, b) => b.similarity - a.similarity || b.c.sharedBands - a.c.sharedBands || a.c.pattern.id.localeCompare(b.c.pattern.id));
    known ||= ranked.length > 0;
    for (const { c, similarity } of ranked) {
      found = pick(c, similarity, "similar", settings);
      if (found) break;
      hint ??= hintFrom(c, similarity, "similar");
    }
  }

  await kb.recordSighting({ pattern: { ...failure, bands }, hitPatternId: found?.pattern.id, at: options.now ?? new Date() });
  if (!found) return miss(log, { hit: false, reason: known ? "unproven" : "unknown", ...(hint ? { hint } : {}) });
  log.info({ fixId: found.fix.id, patternId: found.pattern.id, match: found.match, similarity: found.similarity }, `Knowledge Base HIT — confidence: ${found.fix.confidence.toFixed(2)}`);
  return { hit: true, confidence: found.fix.confidence, ...found };
}

function pick(p: PatternWithFixes, similarity: number, match: KbMatch["match"], s: KbSettings): KbMatch | null {
  const fix = p.fixes.find((f) => f.confidence >= s.minConfidence && f.successCount >= s.minSuccessCount);
  return fix ? { pattern: p.pattern, fix, match, similarity } : null;
}

function hintFrom(p: PatternWithFixes, similarity: number, match: KbMatch["match"]): KbMatch | null {
  const fix = p.fixes.find((f) => f.failureCount === 0 || f.successCount > f.failureCount) ?? null;
  return fix ? { pattern: p.pattern, fix, match, similarity } : null;
}

function miss(log: Logger, result: LookupResult & { hit: false }): LookupResult {
  log.info({ reason: result.reason, hintFixId: result.hint?.fix.id }, "Knowledge Base MISS — calling Claude API");
  return result;
}
