// A job carried over into a re-run attempt keeps its original log.
import { cp } from "node:fs/promises";
import { jobLogDir } from "./job-log";

export async function copyJobLog(dataDir: string, fromJobId: number, toJobId: number): Promise<void> {
  await cp(jobLogDir(dataDir, fromJobId), jobLogDir(dataDir, toJobId), { recursive: true }).catch(() => undefined);
}
