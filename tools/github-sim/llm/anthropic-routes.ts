// An Anthropic-Messages-compatible endpoint for demo mode: validates requests like the real API
// (error JSON included) and answers with a recorded `propose_fix` tool call for a recognised demo
// failure, or `report_no_fix` for anything else. The official SDK works against it unchanged.
import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { findRecordedAnswer } from "./recorded-answers";

type ErrorType = "invalid_request_error" | "authentication_error" | "not_found_error";

export function anthropicRoutes(app: Hono): void {
  app.post("/anthropic/v1/messages", async (c) => {
    if (!c.req.header("x-api-key") && !c.req.header("authorization")) {
      return apiError(c, 401, "authentication_error", "x-api-key header is required");
    }
    if (!c.req.header("anthropic-version")) return apiError(c, 400, "invalid_request_error", "anthropic-version: header is required");
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return apiError(c, 400, "invalid_request_error", "There was an issue with your request: the body is not valid JSON");
    }
    const problem = validate(body);
    if (problem) return apiError(c, 400, "invalid_request_error", problem);
    const request = body as MessagesRequest;
    if (request.stream) return apiError(c, 400, "invalid_request_error", "stream: the demo endpoint answers only non-streaming requests");
    const prompt = promptText(request);
    const tools = new Set((request.tools ?? []).map((t) => t.name));
    const answer = findRecordedAnswer(prompt);
    const content =
      answer && tools.has("propose_fix")
        ? [toolUse("propose_fix", answer.fix)]
        : tools.has("report_no_fix")
          ? [toolUse("report_no_fix", { reason: "no confident fix" })]
          : [{ type: "text", text: "no confident fix" }];
    c.header("request-id", `req_${randomBytes(12).toString("hex")}`);
    return c.json({
      id: `msg_${randomBytes(12).toString("hex")}`,
      type: "message",
      role: "assistant",
      model: request.model,
      content,
      stop_reason: content[0]!.type === "tool_use" ? "tool_use" : "end_turn",
      stop_sequence: null,
      usage: {
        input_tokens: Math.ceil(prompt.length / 4),
        output_tokens: Math.ceil(JSON.stringify(content).length / 4),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  app.all("/anthropic/*", (c) => apiError(c, 404, "not_found_error", `${c.req.method} ${new URL(c.req.url).pathname} is not served by the demo endpoint`));
}

interface MessagesRequest {
  model: string;
  max_tokens: number;
  system?: string | { type: string; text?: string }[];
  messages: { role: string; content: unknown }[];
  tools?: { name: string }[];
  stream?: boolean;
}

function validate(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "body: Input should be a valid dictionary";
  const b = body as Record<string, unknown>;
  if (b.model === undefined) return "model: Field required";
  if (typeof b.model !== "string" || b.model === "") return "model: Input should be a valid string";
  if (b.max_tokens === undefined) return "max_tokens: Field required";
  if (typeof b.max_tokens !== "number" || !Number.isInteger(b.max_tokens) || b.max_tokens < 1) return "max_tokens: Input should be a valid integer greater than or equal to 1";
  if (b.messages === undefined) return "messages: Field required";
  if (!Array.isArray(b.messages)) return "messages: Input should be a valid list";
  if (b.messages.length === 0) return "messages: at least one message is required";
  for (const [i, m] of b.messages.entries()) {
    const message = m as Record<string, unknown>;
    if (typeof m !== "object" || m === null) return `messages.${i}: Input should be a valid dictionary`;
    if (message.role !== "user" && message.role !== "assistant") return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    if (message.content === undefined) return `messages.${i}.content: Field required`;
    if (typeof message.content !== "string" && !Array.isArray(message.content)) return `messages.${i}.content: Input should be a valid string or list`;
    if (Array.isArray(message.content) && message.content.some((block) => typeof block?.type !== "string")) return `messages.${i}.content: each block needs a type`;
  }
  if (b.tools !== undefined) {
    if (!Array.isArray(b.tools)) return "tools: Input should be a valid list";
    for (const [i, t] of b.tools.entries()) {
      if (typeof t?.name !== "string") return `tools.${i}.name: Field required`;
      if (t.type === undefined && typeof t.input_schema !== "object") return `tools.${i}.input_schema: Field required`;
    }
  }
  return null;
}

/** All text the model would read: system prompt, message text, and tool results. */
function promptText(request: MessagesRequest): string {
  const parts: string[] = [];
  const collect = (content: unknown) => {
    if (typeof content === "string") parts.push(content);
    else if (Array.isArray(content)) {
      for (const block of content as Record<string, unknown>[]) {
        if (typeof block.text === "string") parts.push(block.text);
        if (block.type === "tool_result") collect(block.content);
      }
    }
  };
  collect(request.system);
  for (const message of request.messages) collect(message.content);
  return parts.join("\n");
}

function toolUse(name: string, input: unknown) {
  return { type: "tool_use", id: `toolu_${randomBytes(12).toString("hex")}`, name, input };
}

function apiError(c: Context, status: 400 | 401 | 404, type: ErrorType, message: string): Response {
  c.header("request-id", `req_${randomBytes(12).toString("hex")}`);
  return c.json({ type: "error", error: { type, message } }, status);
}
