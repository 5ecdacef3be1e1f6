// The fast path (runbook §4.2): is there a proven fix for this failure? Exact signature first; otherwise
// the most similar patterns of the same failure type at or above KB_MIN_SIMILARITY (signature-similarity.ts),
// best first. Only fixes with confidence >= KB_MIN_CONFIDENCE and successCount >= KB_MIN_SUCCESS_COUNT
// qualify. Every lookup records a sighting of the failure's pattern (created on first sight, lastSeenAt)
// and a hit on the pattern whose fix answered (hitCount). On a miss, the best unproven fix, if any, comes
// back as a hint for the LLM. Round trips: 1 for an exact hit; 2-3 otherwise.
import type { Logger } from "pino";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import { qualifies, type QualifyingFix } from "./knowledge-base";
import { BAND_FANOUT, jaccard, signatureBands, signatureFeatures } from "./signature-similarity";
import type { FailureKey, KbPattern, KbPatternFix } from "./types";

/** Similar-pattern candidates re-ranked by exact similarity (most shared LSH bands first). */
export const SIMILAR_CANDIDATES = 20;
/** Of those at or above the threshold, the most similar whose fixes are considered. */
export const SIMILAR_PATTERNS_TRIED = 5;

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
  const at = options.now ?? new Date();
  const bands = signatureBands(failure.failureType, failure.signatureText);

  const own = await kb.sightPattern({ pattern: { ...failure, bands }, qualifying: settings, at });
  let found = pick(own.pattern, own.fixes, 1, "exact", settings);
  let hint = pick(own.pattern, own.fixes, 1, "exact", null);
  let known = own.fixes.length > 0;

  if (!found) {
    const candidates = await kb.findSimilar({
      bands,
      excludeSignature: failure.signature,
      limit: SIMILAR_CANDIDATES,
      maxPatternsPerBand: BAND_FANOUT,
    });
    const features = signatureFeatures(failure.signatureText);
    const ranked = candidates
      .filter((c) => c.failureType === failure.failureType)
      .map((c) => ({ ...c, similarity: jaccard(features, signatureFeatures(c.signatureText)) }))
      .filter((c) => c.similarity >= settings.minSimilarity)
      .sort((a, b) => b.similarity - a.similarity || b.sharedBands - a.sharedBands || a.id.localeCompare(b.id))
      .slice(0, SIMILAR_PATTERNS_TRIED);
    known ||= ranked.length > 0;
    // The adapter counts the hit on the first of these with a qualifying fix: the one picked here.
    const similarity = new Map(ranked.map((c) => [c.id, c.similarity]));
    const patterns = ranked.length > 0 ? await kb.claimSimilar({ patternIds: ranked.map((c) => c.id), qualifying: settings, at }) : [];
    for (const p of patterns) {
      const s = similarity.get(p.pattern.id) ?? 0;
      found = pick(p.pattern, p.fixes, s, "similar", settings);
      if (found) break;
      hint ??= pick(p.pattern, p.fixes, s, "similar", null);
    }
  }

  if (!found) return miss(log, { hit: false, reason: known ? "unproven" : "unknown", ...(hint ? { hint } : {}) });
  log.info(
    { fixId: found.fix.id, patternId: found.pattern.id, match: found.match, similarity: found.similarity },
    `Knowledge Base HIT — confidence: ${found.fix.confidence.toFixed(2)}`,
  );
  return { hit: true, confidence: found.fix.confidence, ...found };
}

/** The first (best) qualifying fix; with `q` null, the best fix worth showing the LLM as a hint. */
function pick(pattern: KbPattern, fixes: KbPatternFix[], similarity: number, match: KbMatch["match"], q: QualifyingFix | null): KbMatch | null {
  const fix = q ? fixes.find((f) => qualifies(f, q)) : fixes.find((f) => f.failureCount === 0 || f.successCount > f.failureCount);
  return fix ? { pattern, fix, match, similarity } : null;
}

function miss(log: Logger, result: LookupResult & { hit: false }): LookupResult {
  log.info({ reason: result.reason, hintFixId: result.hint?.fix.id }, "Knowledge Base MISS — calling Claude API");
  return result;
}
