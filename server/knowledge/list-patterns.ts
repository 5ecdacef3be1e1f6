// Dashboard: GET /api/knowledge/patterns?failureType= (runbook §6), most matched first.
import { AppError } from "../errors";
import type { KbVisibility } from "./knowledge-base";
import { decodeCursor, pageSize, toPage, type Page, type PageRequest } from "../http/pagination";
import { isFailureType, type FailureType } from "../analysis/failure-types";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { KbPatternSummary } from "./types";

export interface ListPatternsInput {
  failureType?: FailureType;
  /** What the viewer may see (kb-visibility.ts); without it, everything (CLI, tests of the engines). */
  visible?: KbVisibility;
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
  return currentKbContext(options).kb.listPatterns({ failureType: input.failureType, limit, offset, visible: input.visible });
}

/** A page of patterns for the dashboard and REST lists (server/http/pagination.ts). Patterns are ordered by
 *  a hit count that changes as failures arrive, so the cursor holds the position in that order. */
export async function listPatternsPage(input: { failureType?: FailureType; visible?: KbVisibility } & PageRequest = {}, options: KbContextOptions = {}): Promise<Page<KbPatternSummary>> {
  const size = pageSize(input.limit);
  const [offset] = input.cursor ? decodeCursor(input.cursor, ["number"]) : [0];
  if (!Number.isInteger(offset) || offset < 0) throw new AppError("BAD_REQUEST", "cursor is not one this list handed out");
  const rows = await listPatterns({ failureType: input.failureType, limit: size + 1, offset, visible: input.visible }, options);
  return toPage(rows, size, (p) => p, () => [offset + size]);
}
