// The guardrails (issue 9 §3): every proposed fix — from the LLM or replayed from the knowledge base — is
// checked before a person sees it; any finding blocks it. Rules are written for the intent (a test no
// longer runs, no longer checks, a failure is hidden, a check is silenced, a protected file is touched),
// across languages and spellings, and compare both sides of the diff so a legitimate edit of a line that
// already carried a marker is not a new occurrence.
import type { FixChange } from "../fix-plan";
import type { ChangedFile } from "./model/changed-file";
import { pairMovedFiles } from "./model/pair-moved-files";
import { readFileVersions } from "./model/read-file-versions";
import { readPatch } from "./model/read-patch";
import { buildSubjectIndex } from "./model/subject-index";
import { buildTestIndex } from "./model/test-index";
import { assertions } from "./rules/assertions";
import { buildAndCi } from "./rules/build-and-ci";
import { checkSuppressed } from "./rules/check-suppressed";
import { configLoosened } from "./rules/config-loosened";
import { protectedPaths } from "./rules/protected-paths";
import type { ResolvedOptions, Rule, RuleContext } from "./rules/rule";
import { testDeleted } from "./rules/test-deleted";
import { testSkipped } from "./rules/test-skipped";
import { waitsAndRetries } from "./rules/waits-and-retries";
import type { FileVersions, GuardrailFinding, GuardrailOptions, GuardrailReport } from "./types";

export type { FileVersions, GuardrailFinding, GuardrailOptions, GuardrailReport } from "./types";
export { NotADiffError } from "./model/read-patch";

/** Documented defaults of the size limits (README, "Guardrails"). */
export const DEFAULT_MAX_FILES = 25;
export const DEFAULT_MAX_CHANGED_LINES = 1000;

/** Every rule id a finding can carry. */
export const GUARDRAIL_RULES = [
  "test-skipped",
  "test-deleted",
  "test-excluded",
  "assertion-removed",
  "assertion-weakened",
  "expected-value-loosened",
  "wait-or-retry",
  "timeout-raised",
  "failure-masked",
  "check-suppressed",
  "config-loosened",
  "protected-path",
  "path-outside-repo",
  "fix-too-large",
] as const;

const RULES: Rule[] = [protectedPaths, testDeleted, testSkipped, assertions, waitsAndRetries, buildAndCi, configLoosened, checkSuppressed];

/** Checks a git-format unified diff (one or many files). Throws NotADiffError when it is not a diff. */
export function checkPatch(patch: string, options: GuardrailOptions = {}): GuardrailReport {
  return check(readPatch(patch), options);
}

/** Checks whole files before/after (what the healing loop holds). */
export function checkFileChanges(files: FileVersions[], options: GuardrailOptions = {}): GuardrailReport {
  return check(readFileVersions(files), options);
}

/** The files of a resolved fix plan (server/healing/fix-plan.ts) as before/after versions. */
export function fileVersionsOf(changes: readonly FixChange[]): FileVersions[] {
  return changes.map((c) => ({
    path: c.path,
    before: c.action === "create" ? null : (c.originalContent ?? ""),
    after: c.action === "delete" ? null : c.content,
  }));
}

function check(parsed: ChangedFile[], options: GuardrailOptions): GuardrailReport {
  const files = pairMovedFiles(parsed.filter((f) => f.lines.length > 0 || f.status !== "modified" || f.binary));
  const ctx: RuleContext = {
    files,
    options: resolve(options),
    tests: buildTestIndex(files),
    subject: buildSubjectIndex(files),
  };
  const seen = new Set<string>();
  const findings: GuardrailFinding[] = [];
  for (const rule of RULES) {
    for (const f of rule(ctx)) {
      const key = `${f.rule}\u0000${f.path}\u0000${f.line}\u0000${f.side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  findings.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
  return { verdict: findings.length > 0 ? "block" : "pass", findings };
}

function resolve(o: GuardrailOptions): ResolvedOptions {
  return {
    allowWorkflowEdits: o.allowWorkflowEdits ?? false,
    maxFiles: o.maxFiles ?? DEFAULT_MAX_FILES,
    maxChangedLines: o.maxChangedLines ?? DEFAULT_MAX_CHANGED_LINES,
  };
}
