// Dashboard: GET /api/knowledge/patterns?failureType= (runbook §6), most matched first.
import { AppError } from "../errors";
import { isFailureType, type FailureType } from "../analysis/failure-types";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { KbPatternSummary } from "./types";

export interface ListPatternsInput {
  failureType?: FailureType;
  limit?: number;
  offset?: number;
}

export const MAX_PATTERNS_PAGE = 500;

export async function listPatterns(input: ListPatternsInput = {}, options: KbContextOptions = {}): Promise<KbPatternSummary[]> {
  if (input.failureType !== undefined && !isFailureType(input.failureType)) {
    throw new AppError("BAD_REQUEST", `Unknown failure type ${input.failureType}`);
  }
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 100)), MAX_PATTERNS_PAGE);
  const offset = Math.max(0, Math.trunc(input.offset ?? 0));
  return currentKbContext(options).kb.listPatterns({ failureType: input.failureType, limit, offset });
}
