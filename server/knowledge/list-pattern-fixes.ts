// Dashboard: GET /api/knowledge/patterns/{id}/fixes (runbook §6), best first.
import { AppError } from "../errors";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { KbVisibility } from "./knowledge-base";
import type { KbPatternFix } from "./types";

export async function listPatternFixes(patternId: string, options: KbContextOptions & { visible?: KbVisibility } = {}): Promise<KbPatternFix[]> {
  const fixes = await currentKbContext(options).kb.listFixes(patternId, options.visible);
  if (!fixes) throw new AppError("NOT_FOUND", `No knowledge-base pattern ${patternId}`);
  return fixes;
}
