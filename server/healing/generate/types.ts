// The contract of fix generation (issue 9 §1, §2, §5-7), called by the healing loop (issue 10) when the
// knowledge base has no proven fix. Implemented in ./generate-fix.ts.
import type { Logger } from "pino";
import type { GitHubClient } from "../../github/octokit";
import type { FixHint } from "../../knowledge/reapply-fix";
import type { FixPlan } from "../fix-plan";

export interface FailureToHeal {
  repoFullName: string;
  branch: string;
  /** The failing commit: files are read at it and the fix is resolved against it. */
  commitSha: string;
  failureType: string;
  /** The analysis' error excerpt (root-cause range first). */
  excerpt: string;
  signature: string;
  signatureText: string;
  job: string | null;
  step: string | null;
  /** e.g. ".github/workflows/ci.yml", when known. */
  workflowPath: string | null;
  runUrl: string | null;
  /** The push's `before` commit when known; otherwise the failing commit's first parent is used. */
  baseSha: string | null;
  /**
   * The failing job's log (as fetchFailureAnalysis returns it, capped), when the caller has it: its error
   * regions go into the prompt after the excerpt, within the token budget. Optional (added by fix generation).
   */
  log?: string | null;
}

export interface PreviousAttempt {
  attemptNumber: number;
  summary: string | null;
  /** The developer's re-code feedback on this attempt. */
  feedback: string | null;
  /** Why it failed (CI failed on it, guardrails, invalid output…). */
  failureReason: string | null;
  /** Its unified diff, when it had one. */
  diff: string | null;
}

export interface GenerateFixOptions {
  github: GitHubClient;
  log: Logger;
  failure: FailureToHeal;
  /** Earlier attempts for this failure, oldest first; the last one's feedback drives a re-code. */
  previousAttempts: PreviousAttempt[];
  /** The knowledge base's best unproven fix, if any. */
  kbHint: FixHint | null;
}

/** One thing the context assembly left out to stay within the token budget (stored on the session). */
export interface OmittedContext {
  item: string;
  reason: string;
  tokens: number;
}

export interface LlmUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
}

export type GenerateFailureKind =
  | "no-fix" // the model (or demo mode) reported no confident fix
  | "no-tool-call"
  | "invalid-output" // invalid JSON or a schema violation
  | "patch-does-not-apply"
  | "path-outside-repo"
  | "copied-instructions" // the fix follows instructions found in the logs or code
  | "api-error"; // the API failed after the SDK's retries, or timed out

export type GenerateFixResult =
  | { ok: true; plan: FixPlan; usage: LlmUsage | null; demo: boolean; omitted: OmittedContext[] }
  | { ok: false; kind: GenerateFailureKind; reason: string; usage: LlmUsage | null; demo: boolean; omitted: OmittedContext[] };

export type GenerateFix = (options: GenerateFixOptions) => Promise<GenerateFixResult>;
