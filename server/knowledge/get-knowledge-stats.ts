// Dashboard: GET /api/knowledge/stats (runbook §6).
import { currentKbContext, type KbContextOptions } from "./kb-context";
import type { KbStats } from "./types";

export async function getKnowledgeStats(options: KbContextOptions = {}): Promise<KbStats> {
  return currentKbContext(options).kb.stats();
}
