// The one price table of Claude models, USD per million tokens (Anthropic's pricing page, checked
// 2026-12: platform.claude.com/docs/en/about-claude/pricing). Cache writes are the 5-minute ones, the
// only kind fix requests make. A model missing here costs null (logged by the caller), never a crash.
// Not modelled: Batch API discounts, data-residency surcharges, Haiku 5.5's higher band for prompts
// over 100k tokens (fix prompts stay far below with the default budget).
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

const opus45: ModelPrice = { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 };
const opus4: ModelPrice = { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 };
const sonnet4: ModelPrice = { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 };
const fable51: ModelPrice = { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25 };
const fable5: ModelPrice = { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 };

/** Keyed by model alias; dated snapshots (`<alias>-YYYYMMDD`) use their alias's price. */
export const MODEL_PRICES: Record<string, ModelPrice> = {
  "claude-fable-5-1": fable51,
  "claude-mythos-5-1": fable51,
  "claude-fable-5": fable5,
  "claude-mythos-5": fable5,
  "claude-opus-5-5": { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 },
  "claude-opus-5": opus45,
  "claude-opus-4-8": opus45,
  "claude-opus-4-7": opus45,
  "claude-opus-4-6": opus45,
  "claude-opus-4-5": opus45,
  "claude-opus-4-1": opus4,
  "claude-opus-4-0": opus4,
  "claude-opus-4": opus4,
  "claude-sonnet-5-5": { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1 },
  "claude-sonnet-5": { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
  "claude-sonnet-4-6": sonnet4,
  "claude-sonnet-4-5": sonnet4,
  "claude-sonnet-4-0": sonnet4,
  "claude-sonnet-4": sonnet4,
  "claude-3-7-sonnet": sonnet4,
  "claude-haiku-5-5": { input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  "claude-3-5-haiku": { input: 0.8, output: 4, cacheWrite: 1, cacheRead: 0.08 },
};

export function modelPrice(model: string): ModelPrice | null {
  return MODEL_PRICES[model] ?? MODEL_PRICES[model.replace(/-\d{8}$/, "")] ?? null;
}

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** Cost in USD of one request, or null for a model without a price. */
export function requestCost(model: string, t: TokenCounts): number | null {
  const p = modelPrice(model);
  if (!p) return null;
  const micro = t.inputTokens * p.input + t.outputTokens * p.output + t.cacheWriteTokens * p.cacheWrite + t.cacheReadTokens * p.cacheRead;
  return Math.round(micro) / 1e6;
}
