// A test stops existing: a test file deleted (and not moved), or a test removed from a file without
// reappearing anywhere in the fix under its name or (renamed) with the same body.
import type { GuardrailFinding } from "../types";
import { finding, type Rule } from "./rule";

const RULE = "test-deleted";

export const testDeleted: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  const deletedFiles = new Set(ctx.files.filter((f) => f.status === "deleted"));
  for (const f of deletedFiles) {
    const gone = ctx.tests.removed.filter((r) => r.file === f && r.fate === "deleted");
    const testPath = f.oldKind.test && (f.oldKind.code || /\.(test|feature|robot)$/.test(f.path));
    if (gone.length > 0) {
      const names = gone.slice(0, 5).map((r) => r.decl.name).join(", ");
      out.push(finding(RULE, f, null, null, `deletes test file with ${gone.length} test${gone.length === 1 ? "" : "s"} (${names}${gone.length > 5 ? ", …" : ""}); fix the code they test instead`));
    } else if (testPath && ctx.tests.oldTests(f).length === 0 && looksLikeTests(f.old.all().map((l) => l.lex.code).join("\n"))) {
      out.push(finding(RULE, f, null, null, "deletes a test file; fix the code it tests instead"));
    }
  }
  for (const r of ctx.tests.removed) {
    if (r.fate !== "deleted" || deletedFiles.has(r.file)) continue;
    out.push(finding(RULE, r.file, r.file.old.get(r.decl.line) ?? null, "old", `deletes ${r.decl.isSuite ? "test suite" : "test"} ${r.decl.name}; a fix may not remove a failing test`));
  }
  return out;
};

// Data-driven test files ([case …] sections, Gherkin scenarios) and test code whose declarations were not recognised.
function looksLikeTests(text: string): boolean {
  return /^\[case\s|^\s*Scenario:|\bassert|\bexpect\s*\(|@Test\b|\bdef\s+test|\bfunc\s+Test|#\[test\]/m.test(text);
}
