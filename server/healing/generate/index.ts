// Fix generation with Claude (issue 9). The healing loop calls generateFix when the knowledge base has
// no proven fix, then checks the plan with the guardrails and asks reviewDecision what to do with it.
export { generateFix, DEMO_API_KEY, type GenerateFixExtras } from "./generate-fix";
export { generationSettings, type GenerationSettings } from "./generation-settings";
export { MODEL_PRICES, modelPrice, requestCost, type ModelPrice } from "./prices";
export { combineConfidence, reviewDecision, CONFIDENCE_PRIOR_TRIALS, type ReviewDecision } from "../confidence";
export type * from "./types";
