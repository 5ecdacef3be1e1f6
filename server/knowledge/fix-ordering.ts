// Which of a pattern's fixes comes first, the same in both adapters: the most trusted, then the most
// closely tied to the pattern, then the most proven.
import type { KbPatternFix } from "./types";

export function compareFixes(a: KbPatternFix, b: KbPatternFix): number {
  return b.confidence - a.confidence || b.weight - a.weight || b.successCount - a.successCount || a.id.localeCompare(b.id);
}

export function sortFixes(fixes: KbPatternFix[]): KbPatternFix[] {
  return [...fixes].sort(compareFixes);
}
