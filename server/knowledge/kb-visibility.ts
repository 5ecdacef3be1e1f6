// Knowledge-base provenance: an entry is learned from (or reused in) healing sessions, and a viewer sees a
// pattern when one of its sessions is in a repository they may read, a fix when it was proposed or reused
// there. The fast path (server/knowledge/lookup-fix.ts) still reuses fixes across repositories: this only
// decides what the dashboard shows.
import { readableRepoNames, type Viewer } from "../access";
import type { FailureType } from "../analysis/failure-types";
import { db, type Db } from "../db/client";
import type { PageRequest } from "../http/pagination";
import { getKnowledgeStats } from "./get-knowledge-stats";
import type { KbVisibility } from "./knowledge-base";
import { listPatternFixes } from "./list-pattern-fixes";
import { listPatternsPage } from "./list-patterns";

export async function kbVisibility(db: Db, viewer: Viewer): Promise<KbVisibility> {
  const repos = await readableRepoNames(viewer);
  const [signatures, fixes] = await Promise.all([
    db.healingSession.findMany({ where: { repoFullName: { in: repos }, signature: { not: null } }, distinct: ["signature"], select: { signature: true } }),
    db.healingSession.findMany({ where: { repoFullName: { in: repos }, kbFixId: { not: null } }, distinct: ["kbFixId"], select: { kbFixId: true } }),
  ]);
  return { signatures: signatures.map((s) => s.signature!), fixIds: fixes.map((f) => f.kbFixId!) };
}

/** The dashboard's knowledge-base reads, limited to what the viewer may see (in the engines' queries). */
export async function visibleKnowledgeStats(viewer: Viewer) {
  return getKnowledgeStats({ visible: await kbVisibility(db(), viewer) });
}

export async function visiblePatternsPage(viewer: Viewer, input: { failureType?: FailureType } & PageRequest = {}) {
  return listPatternsPage({ ...input, visible: await kbVisibility(db(), viewer) });
}

export async function visiblePatternFixes(viewer: Viewer, patternId: string) {
  return listPatternFixes(patternId, { visible: await kbVisibility(db(), viewer) });
}
