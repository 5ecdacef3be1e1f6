// The run-logs archive in GitHub's layout: `<n>_<job>.txt` with each job's whole log at the top, and a
// folder per job holding `<step number>_<step name>.txt` for every step that logged.
import { zipSync } from "fflate";
import type { SimJob } from "../store/state";
import { readStepLogs } from "./job-log";

export async function runLogsZip(dataDir: string, jobs: SimJob[]): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [index, job] of jobs.entries()) {
    const jobName = safeName(job.name);
    const steps = await readStepLogs(dataDir, job.id);
    files[`${index}_${jobName}.txt`] = Buffer.from(steps.map((s) => s.text).join(""));
    for (const step of steps) {
      const name = job.steps.find((s) => s.number === step.number)?.name ?? `step ${step.number}`;
      files[`${jobName}/${step.number}_${safeName(name)}.txt`] = Buffer.from(step.text);
    }
  }
  return zipSync(files, { level: 6 });
}

// GitHub drops characters that cannot appear in archive paths.
function safeName(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, "").slice(0, 100);
}
