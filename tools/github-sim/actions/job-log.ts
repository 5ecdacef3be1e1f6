// Job logs in GitHub's format: every line prefixed with a 7-digit-fraction UTC timestamp, steps opened
// with `##[group]Run ...`, failures closed with `##[error]Process completed with exit code N.`. Each
// step is its own file so the run-logs zip can be laid out as GitHub does.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";

export function githubTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

export function jobLogDir(dataDir: string, jobId: number): string {
  return path.join(dataDir, "logs", String(jobId));
}

export class StepLog {
  private partial = "";

  private constructor(private readonly stream: WriteStream) {}

  static async open(dataDir: string, jobId: number, stepNumber: number): Promise<StepLog> {
    const dir = jobLogDir(dataDir, jobId);
    await mkdir(dir, { recursive: true });
    return new StepLog(createWriteStream(path.join(dir, `${stepNumber}.txt`)));
  }

  line(text: string): void {
    for (const line of text.split(/\r?\n/)) this.stream.write(`${githubTimestamp()} ${line}\n`);
  }

  /** Process output arrives in chunks that split lines; keep the tail until its newline comes. */
  output(chunk: Buffer): void {
    const text = this.partial + chunk.toString("utf8");
    const lines = text.split(/\r?\n/);
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.stream.write(`${githubTimestamp()} ${line}\n`);
  }

  close(): Promise<void> {
    if (this.partial) this.stream.write(`${githubTimestamp()} ${this.partial}\n`);
    this.partial = "";
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

/** Per-step logs of a job, ordered by step number. */
export async function readStepLogs(dataDir: string, jobId: number): Promise<{ number: number; text: string }[]> {
  const dir = jobLogDir(dataDir, jobId);
  const files = await readdir(dir).catch(() => [] as string[]);
  const steps = await Promise.all(
    files
      .filter((f) => /^\d+\.txt$/.test(f))
      .map(async (f) => ({ number: Number(f.replace(".txt", "")), text: await readFile(path.join(dir, f), "utf8") })),
  );
  return steps.sort((a, b) => a.number - b.number);
}

export async function readJobLog(dataDir: string, jobId: number): Promise<string> {
  return (await readStepLogs(dataDir, jobId)).map((s) => s.text).join("");
}

export async function clearJobLog(dataDir: string, jobId: number): Promise<void> {
  await rm(jobLogDir(dataDir, jobId), { recursive: true, force: true });
}
