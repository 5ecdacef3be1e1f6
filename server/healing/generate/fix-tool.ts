// The tools the model answers with. The zod schemas are the single definition: the JSON schema sent to
// the API is derived from them, and the tool input that comes back is validated with them, so what the
// model was told and what is accepted can never drift apart.
import type Anthropic from "@anthropic-ai/sdk";
import { z } from "zod";

export const PROPOSE_FIX = "propose_fix";
export const REPORT_NO_FIX = "report_no_fix";

const proposedChangeSchema = z
  .object({
    path: z.string().min(1).describe("Repository-relative path, as shown in the file blocks (no leading slash)."),
    action: z.enum(["modify", "create", "delete"]),
    diff: z
      .string()
      .min(1)
      .optional()
      .describe("For modify: a unified diff (@@ hunks with context lines) against the file at the failing commit."),
    content: z
      .string()
      .optional()
      .describe("For create, or for modify of a file shown complete: the file's whole new content."),
  })
  .strict();

export const proposeFixInputSchema = z
  .object({
    summary: z.string().min(1).max(300).describe("One line: what the fix does."),
    rootCause: z.string().min(1).describe("Why the build failed, naming the file and line that cause it."),
    explanation: z.string().min(1).describe("What the fix changes and why that makes the build pass, for the reviewer."),
    changes: z.array(proposedChangeSchema).min(1).max(20),
    confidence: z.number().min(0).max(1).describe("Probability (0 to 1) that CI passes with this fix and nothing else changes."),
    testsTouched: z.boolean().describe("Whether the fix edits any test file."),
    testsTouchedReason: z.string().nullish().describe("When tests are touched: why the test itself was wrong."),
  })
  .strict();

export const reportNoFixInputSchema = z.object({ reason: z.string().min(1) });

export type ProposedChange = z.infer<typeof proposedChangeSchema>;
export type ProposeFixInput = z.infer<typeof proposeFixInputSchema>;

/** Checks what a JSON schema cannot say: which of diff/content each action needs. */
export function changeShapeProblem(change: ProposedChange): string | null {
  const has = (v: string | undefined) => v !== undefined;
  if (change.action === "delete") return has(change.diff) || has(change.content) ? `${change.path}: a delete carries neither diff nor content` : null;
  if (change.action === "create") return has(change.content) ? null : `${change.path}: a created file needs its content`;
  if (has(change.diff) === has(change.content)) return `${change.path}: a modify needs exactly one of diff or content`;
  return null;
}

function inputSchema(schema: z.ZodType): Anthropic.Tool.InputSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return json as Anthropic.Tool.InputSchema;
}

export const fixTools: Anthropic.Tool[] = [
  {
    name: PROPOSE_FIX,
    description:
      "Propose the smallest change to the repository's source or build files that makes the failing CI pass for the right reason. Use it only when the context shows the cause.",
    input_schema: inputSchema(proposeFixInputSchema),
  },
  {
    name: REPORT_NO_FIX,
    description: "Report that no confident, honest fix can be made from the context given (say what is missing).",
    input_schema: inputSchema(reportNoFixInputSchema),
  },
];
