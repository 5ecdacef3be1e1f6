// Reads the model's answer: exactly one call of one of our tools, with input that passes its schema.
// Everything else (text only, an unknown tool, input that is not JSON or breaks the schema, an answer cut
// off at max_tokens) is a failure with a reason a person can act on.
import type Anthropic from "@anthropic-ai/sdk";
import type { z } from "zod";
import { changeShapeProblem, PROPOSE_FIX, proposeFixInputSchema, REPORT_NO_FIX, reportNoFixInputSchema, type ProposeFixInput } from "./fix-tool";
import type { GenerateFailureKind } from "./types";

export type ParsedAnswer =
  | { ok: true; proposal: ProposeFixInput }
  | { ok: false; kind: Extract<GenerateFailureKind, "no-fix" | "no-tool-call" | "invalid-output">; reason: string };

export function parseAnswer(message: Pick<Anthropic.Message, "content" | "stop_reason">): ParsedAnswer {
  const calls = message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
  if (message.stop_reason === "max_tokens") {
    return { ok: false, kind: "invalid-output", reason: "the answer was cut off at the output token limit (ANTHROPIC_MAX_OUTPUT_TOKENS) before the tool call was complete" };
  }
  if (calls.length === 0) {
    const text = message.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join(" ").trim();
    return { ok: false, kind: "no-tool-call", reason: `the model answered without calling propose_fix or report_no_fix${text ? `: "${clip(text)}"` : ""}` };
  }
  if (calls.length > 1) return { ok: false, kind: "invalid-output", reason: `the model made ${calls.length} tool calls; exactly one was expected` };
  const call = calls[0]!;
  if (call.name !== PROPOSE_FIX && call.name !== REPORT_NO_FIX) return { ok: false, kind: "invalid-output", reason: `the model called an unknown tool "${clip(call.name)}"` };

  const input = jsonInput(call.input);
  if (!input.ok) return { ok: false, kind: "invalid-output", reason: `${call.name} input is not valid JSON: ${input.reason}` };
  if (call.name === REPORT_NO_FIX) {
    const parsed = reportNoFixInputSchema.safeParse(input.value);
    return { ok: false, kind: "no-fix", reason: parsed.success ? `no confident fix: ${clip(parsed.data.reason)}` : "no confident fix" };
  }
  const parsed = proposeFixInputSchema.safeParse(input.value);
  if (!parsed.success) return { ok: false, kind: "invalid-output", reason: `propose_fix input does not match its schema: ${issues(parsed.error)}` };
  const shape = parsed.data.changes.map(changeShapeProblem).find((p) => p !== null);
  if (shape) return { ok: false, kind: "invalid-output", reason: `propose_fix input does not match its schema: ${shape}` };
  return { ok: true, proposal: parsed.data };
}

// The API hands tool input over as parsed JSON; a proxy or a broken stream can still pass a string.
function jsonInput(raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (typeof raw !== "string") return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`)
    .join("; ");
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
