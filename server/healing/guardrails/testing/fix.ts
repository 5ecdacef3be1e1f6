// Test helpers: a fix written as files before/after, checked both ways the product checks one — as a
// git-format unified diff (hunk context only, as `infraflow guard` sees it) and as whole files (as the
// healing loop sees it). Both must reach the same verdict.
import { createTwoFilesPatch } from "diff";
import { expect } from "vitest";
import { checkFileChanges, checkPatch, GUARDRAIL_RULES } from "..";
import type { FileVersions, GuardrailOptions, GuardrailReport } from "../types";

export function gitDiff(files: FileVersions[]): string {
  return files
    .map((f) => {
      const before = f.before === null ? "" : withNewline(f.before);
      const after = f.after === null ? "" : withNewline(f.after);
      const body = createTwoFilesPatch(f.before === null ? "/dev/null" : `a/${f.path}`, f.after === null ? "/dev/null" : `b/${f.path}`, before, after, "", "", { context: 3 })
        .split("\n")
        .filter((l) => !l.startsWith("==="))
        .join("\n");
      const mode = f.before === null ? "new file mode 100644\n" : f.after === null ? "deleted file mode 100644\n" : "";
      return `diff --git a/${f.path} b/${f.path}\n${mode}${body}`;
    })
    .join("");
}

function withNewline(s: string): string {
  return s === "" || s.endsWith("\n") ? s : `${s}\n`;
}

/** Strips the common indentation of a template literal so snippets can be written indented. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join("\n")}\n`;
}

export function check(files: FileVersions[], options?: GuardrailOptions): { patch: GuardrailReport; whole: GuardrailReport } {
  const patch = checkPatch(gitDiff(files), options);
  const whole = checkFileChanges(files, options);
  // Every finding carries a documented rule id.
  for (const f of [...patch.findings, ...whole.findings]) expect(GUARDRAIL_RULES).toContain(f.rule);
  return { patch, whole };
}

/** Both ways block the fix, each with a finding of `rule` (on `path` when given). */
export function expectBlocked(files: FileVersions[], rule: string, options?: GuardrailOptions & { path?: string }): GuardrailReport {
  const { patch, whole } = check(files, options);
  for (const [mode, r] of [["patch", patch], ["whole files", whole]] as const) {
    const rules = r.findings.map((f) => `${f.rule} ${f.path}:${f.line} ${f.message}`);
    expect(r.verdict, `${mode}: ${rules.join("\n")}`).toBe("block");
    expect(
      r.findings.some((f) => f.rule === rule && (options?.path === undefined || f.path === options.path)),
      `${mode}: expected a ${rule} finding, got\n${rules.join("\n") || "(none)"}`,
    ).toBe(true);
  }
  return patch;
}

/** Both ways let the fix through. */
export function expectPassed(files: FileVersions[], options?: GuardrailOptions): void {
  const { patch, whole } = check(files, options);
  for (const [mode, r] of [["patch", patch], ["whole files", whole]] as const) {
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line} ${f.message}`), mode).toEqual([]);
  }
}

/** One modified file. */
export function edit(path: string, before: string, after: string): FileVersions[] {
  return [{ path, before, after }];
}

/** Replaces the first occurrence, failing loudly when a fixture no longer contains the text. */
export function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
}
