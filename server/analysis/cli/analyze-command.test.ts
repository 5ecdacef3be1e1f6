import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../cli/testing/run-command";
import { runLogsZip } from "../testing/run-logs-zip";
import { runAnalyzeCommand } from "./analyze-command";

const fixture = path.join(import.meta.dirname, "..", "fixtures", "go-test.log");

const run = (argv: string[], stdin?: Readable) => runCommand(runAnalyzeCommand, argv, stdin);

describe("infraflow analyze", () => {
  let dir: string;
  let zip: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infraflow-cli-"));
    zip = path.join(dir, "logs_7.zip");
    await writeFile(zip, runLogsZip());
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("prints one JSON object per input, for a text log and a run-logs zip", async () => {
    const r = await run(["--json", fixture, zip]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    const [text, archive] = lines.map((l) => JSON.parse(l));
    expect(Object.keys(text).sort()).toEqual(["confidence", "errorLines", "excerpt", "failureType", "file", "signature"]);
    expect(text.file).toBe(fixture);
    expect(text.failureType).toBe("TEST_FAILURE");
    const lines1 = (await readFile(fixture, "utf8")).split("\n");
    const [s, e] = text.errorLines[0];
    expect(lines1.slice(s - 1, e).join("\n")).toContain("--- FAIL: TestOrderTotal");
    expect(text.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(archive).toMatchObject({ file: zip, failureType: "BUILD_COMPILE", job: "build (17)", step: "Run mvn -B verify", entry: "build (17)/4_Run mvn -B verify.txt" });
    expect(archive.errorLines[0]).toEqual([4, 8]);
  });

  it("reads stdin for -, as text or as a zip", async () => {
    const text = await run(["--json", "-"], Readable.from([await readFile(fixture)]));
    expect(JSON.parse(text.stdout)).toMatchObject({ file: "-", failureType: "TEST_FAILURE" });
    const bytes = Buffer.from(runLogsZip());
    const archive = await run(["--json", "-"], Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
    expect(JSON.parse(archive.stdout)).toMatchObject({ file: "-", failureType: "BUILD_COMPILE", job: "build (17)" });
  });

  it("prints a readable summary without --json", async () => {
    const r = await run([fixture]);
    expect(r.stdout).toContain(`${fixture}: TEST_FAILURE (confidence `);
    expect(r.stdout).toContain("| --- FAIL: TestOrderTotal");
  });

  it("reports unreadable inputs on stderr with a non-zero exit, and still analyses the others", async () => {
    const r = await run(["--json", path.join(dir, "missing.log"), fixture]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing.log");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect((await run([])).code).toBe(2);
  });
});
