// `infraflow guard` end to end: the real bin/infraflow.mjs in a child process, files and stdin.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { code, gitDiff } from "../testing/fix";

const repo = path.resolve(import.meta.dirname, "../../../..");
const bin = path.join(repo, "bin", "infraflow.mjs");

function run(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "guard", ...args], { cwd: repo, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const testBefore = code`
  def test_total():
      assert total([1, 2]) == 3
`;
const skipped = gitDiff([{ path: "tests/test_cart.py", before: testBefore, after: `import pytest\n\n\n@pytest.mark.skip(reason="flaky")\n${testBefore}` }]);
const masked = gitDiff([{ path: "pom.xml", before: "<project>\n  <properties>\n  </properties>\n</project>\n", after: "<project>\n  <properties>\n    <maven.test.failure.ignore>true</maven.test.failure.ignore>\n  </properties>\n</project>\n" }]);
const fixed = gitDiff([{ path: "shop/cart.py", before: "def total(items):\n    return sum(items) - 1\n", after: "def total(items):\n    return sum(items)\n" }]);

describe("infraflow guard", () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infraflow-guard-"));
    await writeFile(file("skipped.diff"), skipped);
    await writeFile(file("masked.diff"), masked);
    await writeFile(file("fixed.diff"), fixed);
    await writeFile(file("notes.txt"), "these are release notes, not a diff\n");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("prints one JSON line per input with exactly file, verdict, findings{rule, path, line, message}; exit 1 when any is blocked", async () => {
    const r = await run(["--json", file("skipped.diff"), file("fixed.diff"), file("masked.diff")]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => Object.keys(l).sort())).toEqual(Array(3).fill(["file", "findings", "verdict"]));
    expect(lines[0]).toMatchObject({ file: file("skipped.diff"), verdict: "block" });
    expect(lines[0].findings[0]).toEqual({ rule: "test-skipped", path: "tests/test_cart.py", line: 4, message: expect.stringContaining("test_total") });
    for (const f of [...lines[0].findings, ...lines[2].findings]) expect(Object.keys(f).sort()).toEqual(["line", "message", "path", "rule"]);
    expect(lines[1]).toEqual({ file: file("fixed.diff"), verdict: "pass", findings: [] });
    expect(lines[2].findings[0]).toMatchObject({ rule: "failure-masked", path: "pom.xml", line: 3 });
  });

  it("reads stdin for -, and exits 0 when everything passes", async () => {
    const r = await run(["--json", "-"], fixed);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: "-", verdict: "pass", findings: [] });
    const blocked = await run(["-"], skipped);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("-: BLOCK (1 finding)");
    expect(blocked.stdout).toContain("test-skipped");
    expect(blocked.stdout).toContain("tests/test_cart.py:4");
  });

  it("exits 2 on an unreadable file or a non-diff with a clear message, still checking the other inputs", async () => {
    const r = await run(["--json", file("missing.diff"), file("notes.txt"), file("skipped.diff")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file("missing.diff")}: no such file`);
    expect(r.stderr).toContain(`${file("notes.txt")}: not a unified diff`);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.verdict)).toEqual(["error", "error", "block"]);
    expect(lines[0]).toEqual({ file: file("missing.diff"), verdict: "error", error: "no such file" });
  });

  it("lets CI edits through only with --allow-workflow-edits, and prints usage on bad arguments", async () => {
    const wf = gitDiff([{ path: ".github/workflows/ci.yml", before: "jobs:\n  test:\n    steps:\n      - run: npm test\n", after: "jobs:\n  test:\n    steps:\n      - run: npm ci\n      - run: npm test\n" }]);
    expect((await run(["-"], wf)).code).toBe(1);
    expect((await run(["--allow-workflow-edits", "-"], wf)).code).toBe(0);
    const bad = await run(["--nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Usage: infraflow guard");
    expect((await run([])).code).toBe(2);
  });
});
