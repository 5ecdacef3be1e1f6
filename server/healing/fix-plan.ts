// The fix a healing session proposes (healing_sessions.fix_plan), as stored after it was resolved against
// the files at the failing commit: every change holds the file's whole new content and its content before
// the fix, so the diff shown, the guardrails' input and the commit are all derived from one record. The
// LLM's `propose_fix` tool input (diffs or whole files) and a re-applied knowledge-base fix both end in it.
import { z } from "zod";

export const fixChangeSchema = z.object({
  path: z.string().min(1),
  action: z.enum(["modify", "create", "delete"]),
  /** The file after the fix ("" for a deleted file). */
  content: z.string(),
  /** The file before the fix (absent for a created file). */
  originalContent: z.string().nullish(),
});

export const fixPlanSchema = z.object({
  /** One line: what the fix does. */
  summary: z.string(),
  /** How it fixes the failure; the knowledge base stores it as the fix's strategy. */
  strategy: z.string(),
  /** Why the build failed. Absent in plans stored before fix generation recorded it. */
  rootCause: z.string().optional(),
  /** What changed and why, for the reviewer. */
  explanation: z.string().optional(),
  /** The confidence the session shows (the model's own combined with earned outcomes; see confidence). */
  confidence: z.number().min(0).max(1),
  /** The model's (or the knowledge base's) own number before it was combined. */
  proposedConfidence: z.number().min(0).max(1).optional(),
  /** Whether the fix edits test files, and the model's reason. */
  testsTouched: z.boolean().optional(),
  testsTouchedReason: z.string().nullish(),
  changes: z.array(fixChangeSchema).min(1),
});

export type FixChange = z.infer<typeof fixChangeSchema>;
export type FixPlan = z.infer<typeof fixPlanSchema>;
