// The knowledge-base settings (runbook §2.2 plus KB_MIN_SIMILARITY), as the domain functions take them.
import { env, type Env } from "../env";

export interface KbSettings {
  /** KB_ENABLED: false turns the fast path (lookup) off; outcomes are still recorded. */
  enabled: boolean;
  minConfidence: number;
  minSuccessCount: number;
  minSimilarity: number;
}

export function kbSettings(e: Env = env()): KbSettings {
  return {
    enabled: e.KB_ENABLED,
    minConfidence: e.KB_MIN_CONFIDENCE,
    minSuccessCount: e.KB_MIN_SUCCESS_COUNT,
    minSimilarity: e.KB_MIN_SIMILARITY,
  };
}
