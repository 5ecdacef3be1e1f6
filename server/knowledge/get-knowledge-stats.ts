// Dashboard: GET /api/knowledge/stats (runbook §6).
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { KbVisibility } from "./knowledge-base";
import type { KbStats } from "./types";

export async function getKnowledgeStats(options: KbContextOptions & { visible?: KbVisibility } = {}): Promise<KbStats> {
  return currentKbContext(options).kb.stats(options.visible);
}
