// The settings fix generation runs with, taken from the parsed environment (server/env.ts).
import { env, type Env } from "../../env";

export interface GenerationSettings {
  demoMode: boolean;
  apiKey: string | undefined;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  contextTokenBudget: number;
}

export function generationSettings(e: Env = env()): GenerationSettings {
  return {
    demoMode: e.HEALING_DEMO_MODE,
    apiKey: e.ANTHROPIC_API_KEY,
    baseURL: e.ANTHROPIC_BASE_URL,
    model: e.ANTHROPIC_MODEL,
    timeoutMs: e.ANTHROPIC_TIMEOUT_MS,
    maxRetries: e.ANTHROPIC_MAX_RETRIES,
    maxOutputTokens: e.ANTHROPIC_MAX_OUTPUT_TOKENS,
    contextTokenBudget: e.HEALING_CONTEXT_TOKEN_BUDGET,
  };
}

/** Demo mode never talks to Anthropic: only to a recorded-answer endpoint such as the simulator's. */
export function isAnthropicHost(baseURL: string): boolean {
  const host = new URL(baseURL).hostname.toLowerCase();
  return host === "anthropic.com" || host.endsWith(".anthropic.com");
}
