import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScanCommand } from "./scan-command";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "infraflow-scan-"));
  await mkdir(path.join(dir, "src"), { recursive: true });
  await mkdir(path.join(dir, "node_modules/x"), { recursive: true });
  await writeFile(path.join(dir, "src/Users.java"), `class Users extends javax.servlet.http.HttpServlet {
  void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
    String id = request.getParameter("id");
    conn.createStatement().executeQuery("SELECT * FROM users WHERE id = '" + id + "'");
  }
}`);
  await writeFile(path.join(dir, "pom.xml"), `<project><dependencies><dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency></dependencies></project>`);
  await writeFile(path.join(dir, "node_modules/x/index.js"), `db.query("SELECT " + process.argv[2]);`);
  await writeFile(path.join(dir, "blob.bin"), Buffer.from([0, 1, 2, 3]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (d) => out.push(String(d)));
  stderr.on("data", (d) => err.push(String(d)));
  const code = await runScanCommand(argv, { stdin: new PassThrough(), stdout, stderr });
  return { code, out: out.join(""), err: err.join("") };
}

describe("infraflow scan", () => {
  it("prints one JSON line per finding with paths relative to the directory, offline", async () => {
    const { code, out, err } = await run([dir, "--json"]);
    expect(code).toBe(1);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { file: "pom.xml", line: 1, vulnerabilityType: "LOG4SHELL", cwe: 502, severity: "CRITICAL", ruleId: "dependency.log4shell.CVE-2021-44228", message: expect.stringContaining("2.14.1"), cveId: "CVE-2021-44228" },
      { file: "pom.xml", line: 1, vulnerabilityType: "LOG4SHELL", cwe: 502, severity: "CRITICAL", ruleId: "dependency.log4shell.CVE-2021-45046", message: expect.any(String), cveId: "CVE-2021-45046" },
      { file: "src/Users.java", line: 4, vulnerabilityType: "SQL_INJECTION", cwe: 89, severity: "HIGH", ruleId: "taint.sql-injection", message: expect.stringContaining("executeQuery") },
    ]);
    expect(err).toContain("blob.bin: skipped: binary file");
    expect(err).toMatch(/OSV lookup skipped \(offline\)/);
  });

  it("keeps file paths as given on the command line, prints text by default, and exits 0 when clean", async () => {
    const java = path.join(dir, "src/Users.java");
    const { code, out } = await run([java]);
    expect(code).toBe(1);
    expect(out).toContain(`${java}:4: HIGH SQL_INJECTION (CWE-89) [taint.sql-injection]`);
    expect(out).toContain("fix: Use a parameterised query");
    const clean = path.join(dir, "clean.py");
    await writeFile(clean, "print('hello')\n");
    expect((await run([clean, "--json"])).code).toBe(0);
  });

  it("answers usage errors with exit code 2", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["--bogus"])).code).toBe(2);
    const missing = await run([path.join(dir, "nope.js")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file or directory/);
  });
});
