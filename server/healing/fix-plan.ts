// The fix a healing session proposes (healing_sessions.fix_plan): what it does and the files it changes,
// in the shape of the LLM's `propose_fix` tool input and of a re-applied knowledge-base fix.
import { z } from "zod";

export const fixPlanSchema = z.object({
  summary: z.string(),
  strategy: z.string(),
  confidence: z.number().min(0).max(1),
  changes: z
    .array(
      z.object({
        path: z.string().min(1),
        action: z.enum(["modify", "create"]),
        content: z.string(),
        /** The file before the fix (absent for a created file), so the change can be stored as a diff. */
        originalContent: z.string().nullish(),
      }),
    )
    .min(1),
});

export type FixPlan = z.infer<typeof fixPlanSchema>;
