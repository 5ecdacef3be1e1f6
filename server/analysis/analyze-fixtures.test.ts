// One real-format log per ecosystem (fixtures/, written in the exact output of each tool): the type, the
// first reported range and the deciding lines.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeLogText } from "./analyze-log";
import { isFailureType } from "./failure-types";
import { splitLines } from "./split-lines";

interface Case {
  file: string;
  type: string;
  firstRange: string;
  ecosystem: string;
}

const dir = path.join(import.meta.dirname, "fixtures");
const cases = JSON.parse(readFileSync(path.join(dir, "cases.json"), "utf8")) as Case[];

describe("analysis of real-format logs", () => {
  it("covers every ecosystem and tool the analysis is built for", () => {
    const ecosystems = new Set(cases.map((c) => c.ecosystem));
    const tools = [
      ...["npm", "pnpm", "yarn", "jest", "vitest", "node --test", "pytest", "go", "go vet", "cargo", "tsc", "docker", "gradle", "maven", "shell", "git"],
      ...["checkstyle", "pmd", "spotbugs", "javadoc", "license-maven-plugin", "apache-rat", "spotless", "eslint", "prettier"],
      ...["ruff", "flake8", "pylint", "black", "gofmt", "golangci-lint", "clippy", "rustfmt", "pip", "poetry"],
      ...["github-actions", "gitlab", "travis"],
    ];
    for (const e of tools) expect(ecosystems, e).toContain(e);
  });

  it("has LINT fixtures from Travis, GitLab and GitHub Actions logs", () => {
    const lint = cases.filter((c) => c.type === "LINT").map((c) => c.file);
    for (const ci of ["travis-", "gitlab-", "gha-"]) expect(lint.some((f) => f.startsWith(ci)), ci).toBe(true);
  });

  it("has resolution and infrastructure fixtures for every package manager", () => {
    for (const type of ["DEPENDENCY_RESOLUTION", "INFRASTRUCTURE"]) {
      const ecosystems = new Set(cases.filter((c) => c.type === type).map((c) => c.ecosystem));
      for (const e of ["maven", "gradle", "npm", "yarn", "pnpm", "pip", "poetry", "go", "cargo"]) expect(ecosystems, `${type} ${e}`).toContain(e);
    }
  });

  for (const c of cases) {
    it(`${c.ecosystem}: ${c.file} is ${c.type}`, () => {
      expect(isFailureType(c.type)).toBe(true);
      const text = readFileSync(path.join(dir, c.file), "utf8");
      const lines = splitLines(text);
      const r = analyzeLogText(text);
      expect(r.failureType).toBe(c.type);
      expect(r.confidence).toBeGreaterThan(0.3);
      expect(r.confidence).toBeLessThanOrEqual(1);
      const [start, end] = r.errorLines[0]!;
      expect(lines.slice(start - 1, end).some((l) => l.includes(c.firstRange)), `first range ${start}-${end}`).toBe(true);
      // ranges are 1-based, disjoint and inside the log (ranked root cause first, not in log order)
      const sorted = [...r.errorLines].sort((a, b) => a[0] - b[0]);
      let previousEnd = 0;
      for (const [s, e] of sorted) {
        expect(s).toBeGreaterThan(previousEnd);
        expect(e).toBeGreaterThanOrEqual(s);
        expect(e).toBeLessThanOrEqual(lines.length);
        previousEnd = e;
      }
      expect(r.decidingLines.length).toBeGreaterThan(0);
      for (const d of r.decidingLines) expect(r.errorLines.some(([s, e]) => d >= s && d <= e), `deciding line ${d}`).toBe(true);
      expect(r.excerpt).toContain(c.firstRange.replace(/\\"/g, '"'));
      expect(r.excerpt).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z|\x1b\[/);
      expect(r.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(r.signatureText.split("\n")[0]).toBe(c.type);
    });
  }

  it("classifies by the step that failed, not by errors of earlier steps that passed", () => {
    const text = readFileSync(path.join(dir, "continue-on-error-then-test.log"), "utf8");
    const lintLine = splitLines(text).findIndex((l) => l.includes("no-unused-vars")) + 1;
    const r = analyzeLogText(text);
    expect(r.failureType).toBe("TEST_FAILURE");
    expect(r.errorLines.some(([s, e]) => lintLine >= s && lintLine <= e)).toBe(false);
  });

  it("says UNKNOWN, with no deciding lines, when a log shows no failure", () => {
    const r = analyzeLogText("Run npm ci\nadded 312 packages in 4s\nRun npm test\nTests: 12 passed, 12 total\n");
    expect(r.failureType).toBe("UNKNOWN");
    expect(r.decidingLines).toEqual([]);
    expect(r.errorLines).toEqual([]);
  });
});
