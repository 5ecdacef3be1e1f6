// Keeps the most useful context within the token budget. Tokens are estimated at 3.5 characters each
// (Claude's tokenizer on code and logs lands near 3-4) rather than counted with the API's count_tokens:
// counting is a network round trip per candidate set, is not offered by the demo endpoint, and the
// budget is a cost bound, not the context window, so a few percent of error does no harm.
import type { OmittedContext } from "./types";

export const CHARS_PER_TOKEN = 3.5;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export interface BudgetItem {
  /** Shown in `omitted` and logs, e.g. "file src/app.ts lines 1-60". */
  label: string;
  /** 0: always kept (the failure itself, the developer's feedback); higher numbers are dropped first. */
  priority: number;
  tokens: number;
}

export function fitToBudget<T extends BudgetItem>(items: T[], budget: number): { kept: T[]; omitted: OmittedContext[] } {
  // Stable: equal priorities keep their given order (e.g. files in the order the error names them).
  const ranked = items.map((item, order) => ({ item, order })).sort((a, b) => a.item.priority - b.item.priority || a.order - b.order);
  let left = budget;
  const keep = new Set<T>();
  const omitted: OmittedContext[] = [];
  for (const { item } of ranked) {
    if (item.priority === 0 || item.tokens <= left) {
      keep.add(item);
      left -= item.tokens;
    } else {
      omitted.push({ item: item.label, reason: `token budget: ${item.tokens} tokens needed, ${Math.max(0, left)} of ${budget} left`, tokens: item.tokens });
    }
  }
  return { kept: items.filter((i) => keep.has(i)), omitted };
}
