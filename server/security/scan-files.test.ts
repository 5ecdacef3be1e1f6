// Bad input is skipped with a note and never loses the other files' findings.
import { describe, expect, it } from "vitest";
import { scanFiles, type ScanInput } from "./scan-files";

const file = (path: string, text: string | Uint8Array): ScanInput => ({ path, content: typeof text === "string" ? new TextEncoder().encode(text) : text });

describe("scanFiles", () => {
  it("skips binary, huge, non-UTF-8, unparsable and invalid-manifest files with a note, and still reports the rest", async () => {
    const inputs = [
      file("bin/app.class", new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52])),
      file("big.js", `const x = "${"a".repeat(5000)}";`),
      file("latin1.py", new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a])),
      file("Broken.java", "class { {{{ ((( ;;; }}} ]]] <<< >>> class class"),
      file("pom.xml", "<project><dependencies>"),
      file("package.json", "{ nope"),
      file("src/db.js", `function find(db, id) {\n  return db.query("SELECT * FROM t WHERE id = " + id);\n}\nconst API_TOKEN = "q8Zr2LxP0vN4mT7yK1sBfG5h";\n`),
      file("build.gradle", "dependencies { implementation 'org.apache.logging.log4j:log4j-core:2.14.1' }"),
    ];
    const report = await scanFiles(inputs, { osv: null, maxFileBytes: 4096 });
    expect(report.findings.map((f) => [f.file, f.line, f.vulnerabilityType])).toEqual([
      ["build.gradle", 1, "LOG4SHELL"],
      ["build.gradle", 1, "LOG4SHELL"],
      ["src/db.js", 2, "SQL_INJECTION"],
      ["src/db.js", 4, "HARDCODED_SECRET"],
    ]);
    const notes = Object.fromEntries(report.notes.map((n) => [n.file ?? "-", n.message]));
    expect(notes["bin/app.class"]).toBe("skipped: binary file");
    expect(notes["big.js"]).toMatch(/over the 4096-byte limit/);
    expect(notes["latin1.py"]).toBe("skipped: not UTF-8 text");
    expect(notes["Broken.java"]).toMatch(/not analysed for injection flaws: too many syntax errors/);
    expect(notes["pom.xml"]).toMatch(/skipped as a manifest: invalid XML/);
    expect(notes["package.json"]).toMatch(/skipped as a manifest: invalid JSON/);
    expect(notes["-"]).toMatch(/OSV lookup skipped \(offline\)/);
    expect(report.scannedFiles).toBe(5);
  });

  it("reports progress per file", async () => {
    const seen: string[] = [];
    await scanFiles([file("a.txt", "x"), file("b.txt", "y")], { osv: null, maxFileBytes: 100, onProgress: (d, t) => seen.push(`${d}/${t}`) });
    expect(seen).toEqual(["1/2", "2/2"]);
  });
});
