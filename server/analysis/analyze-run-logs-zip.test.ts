import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeRunLogsZip } from "./analyze-run-logs-zip";
import { runLogsZip } from "./testing/run-logs-zip";

describe("analyzeRunLogsZip", () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("picks the job that failed, not the one cancelled by fail-fast, with its step and entry lines", async () => {
    const r = await analyzeRunLogsZip(Buffer.from(runLogsZip()));
    expect(r.failure?.failureType).toBe("BUILD_COMPILE");
    expect(r.failure?.job).toBe("build (17)");
    expect(r.failure?.step).toBe("Run mvn -B verify");
    expect(r.failure?.entry).toBe("build (17)/4_Run mvn -B verify.txt");
    expect(r.failure?.errorLines[0]).toEqual([4, 8]);
    const jobs = r.logs.map((l) => `${l.job}|${l.step}`).sort();
    expect(jobs).toEqual(["build (17)|Run mvn -B verify", "build (17)|Set up job", "build (21)|Run mvn -B verify", "lint|Run npx eslint ."]);
    const lint = r.logs.find((l) => l.job === "lint")!;
    expect(lint.failureType).toBe("LINT");
    expect(lint.failed).toBe(true);
    expect(r.logs.find((l) => l.job === "build (21)")!.cancelledOnly).toBe(true);
  });

  it("reads an archive from a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "infraflow-zip-"));
    dirs.push(dir);
    const file = path.join(dir, "logs_42.zip");
    await writeFile(file, runLogsZip());
    expect((await analyzeRunLogsZip(file)).failure?.job).toBe("build (17)");
  });

  it("rejects bytes that are not a zip", async () => {
    await expect(analyzeRunLogsZip(Buffer.from("not a zip at all"))).rejects.toThrow();
  });
});
