// Root cause first: the ranges of the failing step are ordered so that the first is the error that made
// the build fail, the excerpt shows it, and the signature is made from it.
import type { ErrorRange } from "./error-range";
import type { FailureType } from "./failure-types";
import { isStackFrame } from "./rules";

/** Ranges whose strongest line is at least this are tool errors; weaker ones are generic error words. */
export const STRONG = 3;
/** Plain lines after a matched line that join the signature: which symbol, package or assertion. */
const DETAIL_LINES = 2;

/** A tool's own error line at least this strong is a cause; weaker ones are hints. */
const CAUSE = 5;

/**
 * 0: the tool's own error lines for the failure's type (the compiler's, the test runner's, the linter's);
 * 1: its weaker lines or its warnings about it ("[WARNING] Missing header in: ...");
 * 2: only a verdict or count of that type ("Failed to execute goal", "Tests: 1 failed");
 * 3: errors of other types (errors a passing step printed, consequences, unrelated warnings);
 * 4: generic error words.
 */
export function rangeTier(r: ErrorRange, type: FailureType): number {
  const cause = r.causes[type] ?? 0;
  if (cause >= CAUSE) return 0;
  if (cause > 0 || (r.hints[type] ?? 0) > 0) return 1;
  if ((r.types[type] ?? 0) > 0) return 2;
  return r.strength >= STRONG ? 3 : 4;
}

/**
 * The reported ranges, cause first: by tier, then in log order (the first error of the failing step;
 * errors that follow from it come later). Generic error words only count when nothing stronger exists.
 */
export function rankRanges(ranges: ErrorRange[], type: FailureType, max: number): ErrorRange[] {
  const strong = ranges.filter((r) => r.strength >= STRONG);
  const pool = strong.length > 0 ? strong : ranges;
  return pool
    .map((r) => ({ r, tier: rangeTier(r, type) }))
    .sort((a, b) => a.tier - b.tier || a.r.start - b.r.start)
    .slice(0, max)
    .map(({ r }) => r);
}

/**
 * Message lines for the signature: those of the first range and of the ranges ranked with it (the same
 * tier: all the tool's error blocks of that type, so the order in which parallel tests or modules report
 * does not matter). Lines that matched a rule (weight >= 2, not boilerplate) plus up to two plain
 * detail lines after each; stack frames never.
 */
export function signatureLines(ranked: ErrorRange[], type: FailureType): { text: string; weight: number }[] {
  const first = ranked[0];
  if (!first) return [];
  const tier = rangeTier(first, type);
  const out: { text: string; weight: number }[] = [];
  for (const r of ranked) {
    if (rangeTier(r, type) !== tier) continue;
    let details = 0;
    for (const l of r.lines) {
      // Lines only a generic error word matched ("npm error Found: react@18") are details too.
      const plain = (!l.matched || (l.weight < 2 && !l.type && !l.boilerplate)) && /[A-Za-z]{2}/.test(l.text) && !isStackFrame(l.text);
      if (l.matched && !l.boilerplate && l.weight >= 2) {
        out.push({ text: l.text, weight: l.type === type ? l.weight : l.weight / 2 });
        details = DETAIL_LINES;
      } else if (details > 0 && plain) {
        out.push({ text: l.text, weight: 1 });
        details--;
      } else if (l.boilerplate) {
        details = 0;
      }
    }
  }
  return out;
}
