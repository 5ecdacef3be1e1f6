// A repository InfraFlow knows: someone monitors it, or it has pipeline runs or healing sessions here.
// Anything else (a typo, /repos/nobody/nothing) is not found, rather than an empty page.
import type { Db } from "../db/client";
import { AppError } from "../errors";

export async function assertKnownRepo(db: Db, repoFullName: string): Promise<void> {
  const where = { repoFullName: { equals: repoFullName, mode: "insensitive" as const } };
  const [monitored, runs, sessions] = await Promise.all([
    db.monitoredRepo.findFirst({ where, select: { id: true } }),
    db.pipelineEvent.findFirst({ where, select: { id: true } }),
    db.healingSession.findFirst({ where, select: { id: true } }),
  ]);
  if (!monitored && !runs && !sessions) throw new AppError("NOT_FOUND", `InfraFlow does not know the repository ${repoFullName}`);
}
