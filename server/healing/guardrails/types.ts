// The guardrails' contract (issue 9 §3): every proposed fix — from the LLM or replayed from the knowledge
// base — is checked before a person sees it. A finding names the rule, the file and the line, with a
// message a developer understands; any finding blocks the fix.

export interface GuardrailFinding {
  /** Stable rule id, e.g. "test-skipped", "assertion-removed", "failure-masked", "check-suppressed". */
  rule: string;
  /** Repository-relative path of the file the finding is in (as in the diff). */
  path: string;
  /** 1-based line: in the new file for an added line, in the old file for a removed one; null for a whole-file finding. */
  line: number | null;
  /** Which side of the diff `line` refers to. */
  side: "new" | "old" | null;
  message: string;
}

export interface GuardrailReport {
  verdict: "pass" | "block";
  findings: GuardrailFinding[];
}

export interface GuardrailOptions {
  /** Allow edits under .github/workflows/ and other CI files (setting HEALING_ALLOW_WORKFLOW_EDITS). */
  allowWorkflowEdits?: boolean;
  /** Size limits of one fix; defaults live with the rules. */
  maxFiles?: number;
  maxChangedLines?: number;
}

/** One file of a fix with both versions (null: the file does not exist on that side). */
export interface FileVersions {
  path: string;
  before: string | null;
  after: string | null;
}

/** Implemented in ./index.ts: a git-format unified diff (one or many files) → report. */
export type CheckPatch = (patch: string, options?: GuardrailOptions) => GuardrailReport;
/** Implemented in ./index.ts: whole files before/after (what the healing loop holds) → report. */
export type CheckFileChanges = (files: FileVersions[], options?: GuardrailOptions) => GuardrailReport;
