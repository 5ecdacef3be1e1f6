// How similar two failure patterns are, and how to find similar ones among 100k without comparing all.
//
// Measure: Jaccard similarity of the two signature texts' feature sets, where the features of a text are
// its word tokens (lower-cased runs of letters, digits and `_`; the analysis already replaced paths, ids,
// numbers and times with placeholders) and its word bigrams. Unigrams make it tolerant to one changed
// word ("cannot find symbol: class Foo" vs "...Bar" = 0.64); bigrams keep some word order. A leading
// line holding only the failure type is ignored: every pattern of that type shares it.
//
// Index: MinHash (BANDS x ROWS one-seed-per-row 32-bit hashes) cut into BANDS bands of ROWS rows
// (locality-sensitive hashing). Two texts with similarity s share at least one band key with probability
// 1 - (1 - s^ROWS)^BANDS: 0.94 at s = 0.6, 0.995 at 0.7 (the default KB_MIN_SIMILARITY), 0.15 at 0.3. Each band key also encodes the
// failure type, so candidates are always of the same type. Candidates are re-ranked by exact Jaccard.
// A band key shared by more than BAND_FANOUT patterns (boilerplate every error of a kind has) says little
// and is ignored, like a stop word: that bounds the work per lookup whatever the KB size, while true
// near-duplicates still share their rarer bands.
// Hand-written (40 lines) because the npm MinHash packages do not do banding and bring more than they save.
import { FAILURE_TYPES } from "../analysis/failure-types";

export const BANDS = 20;
export const ROWS = 4;
export const BAND_FANOUT = 100;
const MAX_TOKENS = 2_000;

export function signatureFeatures(text: string): Set<string> {
  const lines = text.split("\n");
  if (lines.length > 1 && (FAILURE_TYPES as readonly string[]).includes(lines[0]!.trim())) lines.shift();
  const tokens = lines.join("\n").toLowerCase().match(/[\p{L}\p{N}_]+/gu)?.slice(0, MAX_TOKENS) ?? [];
  const features = new Set<string>(tokens);
  for (let i = 1; i < tokens.length; i++) features.add(`${tokens[i - 1]} ${tokens[i]}`);
  return features;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const f of small) if (large.has(f)) shared++;
  return shared / (a.size + b.size - shared);
}

export function signatureSimilarity(a: string, b: string): number {
  return jaccard(signatureFeatures(a), signatureFeatures(b));
}

/** The LSH band keys of a signature text: BANDS short strings, type-scoped. */
export function signatureBands(failureType: string, text: string): string[] {
  const features = signatureFeatures(text);
  const hashes = [...features].map(fnv1a);
  if (hashes.length === 0) hashes.push(0);
  const minima = new Uint32Array(BANDS * ROWS).fill(0xffffffff);
  for (let row = 0; row < minima.length; row++) {
    const seed = SEEDS[row]!;
    let min = 0xffffffff;
    for (const h of hashes) {
      const v = fmix32(h ^ seed);
      if (v < min) min = v;
    }
    minima[row] = min;
  }
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = fnv1a(`${failureType}#${band}`);
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ minima[band * ROWS + r]!) ^ Math.imul(h, 31);
    // Second, independent 32-bit half keeps accidental key collisions negligible at millions of keys.
    let h2 = fnv1a(`${band}#${failureType}`);
    for (let r = 0; r < ROWS; r++) h2 = fmix32(h2 + minima[band * ROWS + r]!);
    keys.push(`${band.toString(36)}:${(h >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`);
  }
  return keys;
}

const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: a fast 32-bit mixer, so XOR with a seed gives independent-looking hashes. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
