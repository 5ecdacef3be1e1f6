import { describe, expect, it } from "vitest";
import { FAILURE_TYPES } from "../failure-types";
import { matchRule } from "../match-rule";
import { normalizeLogLine } from "../normalize-log-line";
import { RULES } from "./index";

describe("rules", () => {
  it("have unique ids, lower-case keywords and at least one example each", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.examples.length, r.id).toBeGreaterThan(0);
      expect(r.keywords.length, r.id).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k, r.id).toBe(k.toLowerCase());
      if (typeof r.type === "string") expect(FAILURE_TYPES).toContain(r.type);
    }
  });

  for (const r of RULES) {
    it(`${r.id} matches its examples first, through its keywords`, () => {
      for (const example of r.examples) {
        const { text, marker } = normalizeLogLine(example);
        const lower = text.toLowerCase();
        const keyed = r.keywords.some((k) => (k.startsWith("^") ? lower.startsWith(k.slice(1)) : lower.includes(k)));
        expect(keyed, `${r.id} keywords miss: ${example}`).toBe(true);
        expect(matchRule(text, marker)?.rule.id, example).toBe(r.id);
      }
    });
  }

  it("ignore passing summaries and plain progress lines", () => {
    for (const line of [
      "[INFO] Tests run: 57, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 4.3 s - in com.acme.CartTest",
      "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/maven/plugins/maven-enforcer-plugin/3.3.0/maven-enforcer-plugin-3.3.0.pom",
      "Tests:       24 passed, 24 total",
      "test result: ok. 12 passed; 0 failed; 0 ignored",
      "ok  \tgithub.com/acme/shop/internal/cart\t0.011s",
      "[INFO] Rule 0: org.apache.maven.enforcer.rules.version.RequireMavenVersion passed",
      "✖ 0 problems (0 errors, 0 warnings)",
      "[INFO] You have 0 Checkstyle violations.",
      "[INFO] You have 0 PMD violations.",
      "[INFO] Total bugs: 0",
      "0 issues.",
      "Found 0 errors. Watching for file changes.",
      "Test Files  3 passed (3)",
      "[INFO] --- maven-checkstyle-plugin:3.3.1:check (validate) @ shop ---",
      "> Task :checkstyleMain",
      "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
      "[WARNING] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:[12,5] [deprecation] getPrice() in Item has been deprecated",
      "SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
    ]) {
      const m = matchRule(line);
      expect(m?.type, line).toBeUndefined();
    }
  });

  it("an annotated warning counts only when a rule gives it a type", () => {
    expect(matchRule("Node.js 16 actions are deprecated.", "warning")).toBeUndefined();
    expect(matchRule("Some error happened", "warning")).toBeUndefined();
    expect(matchRule("No space left on device", "warning")?.type).toBe("INFRASTRUCTURE");
  });

  it("an error annotation without a known form is still an error line", () => {
    const m = matchRule("issues found", "error");
    expect(m?.rule.id).toBe("actions.error-annotation");
    expect(m?.weight).toBeGreaterThan(0);
  });
});
