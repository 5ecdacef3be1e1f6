import { describe, expect, it } from "vitest";
import { normalizeFixChanges } from "./fix-changes";
import { reapplyFix } from "./reapply-fix";

const ORIGINAL = ["package app;", "", "import app.util.Helper;", "import java.util.List;", "", "class Service {", "  List<Helper> all;", "}", ""].join("\n");
const FIXED = ORIGINAL.replace("import app.util.Helper;", "import app.common.Helper;");

function fixFor(changes: Parameters<typeof normalizeFixChanges>[0]) {
  return { id: "fix-1", strategy: "Import the moved class", changes: normalizeFixChanges(changes) };
}

const files = (map: Record<string, string>) => async (p: string) => map[p] ?? null;

describe("reapplyFix", () => {
  const fix = fixFor([{ path: "src/Service.java", originalContent: ORIGINAL, content: FIXED }]);

  it("applies the cached diff to an unchanged file", async () => {
    const r = await reapplyFix(fix, { readFile: files({ "src/Service.java": ORIGINAL }) });
    expect(r).toEqual({ applied: true, files: [{ path: "src/Service.java", content: FIXED, how: "patch" }] });
  });

  it("applies it where the code moved, with fuzz where context lines changed", async () => {
    const moved = `// header\n// more\n${ORIGINAL}`;
    const r1 = await reapplyFix(fix, { readFile: files({ "src/Service.java": moved }) });
    expect(r1).toMatchObject({ applied: true, files: [{ content: `// header\n// more\n${FIXED}`, how: "fuzzy" }] });

    const edited = ORIGINAL.replace("package app;", "package app; // edited");
    const r2 = await reapplyFix(fix, { readFile: files({ "src/Service.java": edited }) });
    expect(r2).toMatchObject({ applied: true, files: [{ content: FIXED.replace("package app;", "package app; // edited"), how: "fuzzy" }] });
    const strict = await reapplyFix(fix, { readFile: files({ "src/Service.java": edited }), fuzzFactor: 0 });
    expect(strict.applied).toBe(false);
  });

  it("hands the cached fix to the LLM path as a hint when it does not apply", async () => {
    const gone = ORIGINAL.replace("import app.util.Helper;\n", "");
    const r = await reapplyFix(fix, { readFile: files({ "src/Service.java": gone }) });
    expect(r).toEqual({
      applied: false,
      hint: { fixId: "fix-1", strategy: "Import the moved class", changes: fix.changes, problems: [{ path: "src/Service.java", reason: expect.stringContaining("does not apply") }] },
    });
    const missing = await reapplyFix(fix, { readFile: files({}) });
    expect(missing).toMatchObject({ applied: false, hint: { problems: [{ reason: "the file does not exist at this commit" }] } });
  });

  it("creates new files from their content and is all-or-nothing across files", async () => {
    const two = fixFor([
      { path: "src/Service.java", originalContent: ORIGINAL, content: FIXED },
      { path: ".nvmrc", content: "20\n" },
    ]);
    const ok = await reapplyFix(two, { readFile: files({ "src/Service.java": ORIGINAL }) });
    expect(ok).toMatchObject({ applied: true, files: [{ path: ".nvmrc", content: "20\n", how: "content" }, { path: "src/Service.java" }] });
    const half = await reapplyFix(two, { readFile: files({ "src/Service.java": "unrelated\n" }) });
    expect(half).toMatchObject({ applied: false, hint: { problems: [{ path: "src/Service.java" }] } });
    const created = fixFor([{ path: "NOTICE", originalContent: null, diff: "--- /dev/null\n+++ b/NOTICE\n@@ -0,0 +1 @@\n+hello\n" }]);
    expect(await reapplyFix(created, { readFile: files({}) })).toMatchObject({ applied: true, files: [{ path: "NOTICE", content: "hello\n" }] });
    expect(await reapplyFix(created, { readFile: files({ NOTICE: "other\n" }) })).toMatchObject({
      applied: false,
      hint: { problems: [{ path: "NOTICE", reason: expect.stringContaining("creates this file") }] },
    });
    const existing = await reapplyFix(two, { readFile: files({ "src/Service.java": ORIGINAL, ".nvmrc": "18\n" }) });
    expect(existing).toMatchObject({ applied: false, hint: { problems: [{ path: ".nvmrc", reason: expect.stringContaining("whole file") }] } });
  });
});
