// A local HTTP server speaking the Anthropic Messages API for tests: it records every request (headers,
// JSON body, arrival time) and answers with whatever the test scripts, in the API's JSON shapes.
import { serveFetchHandler } from "@/test/serve-fetch-handler";

export interface RecordedRequest {
  at: number;
  path: string;
  headers: Record<string, string>;
  body: {
    model: string;
    max_tokens: number;
    system: { type: string; text: string; cache_control?: { type: string } }[];
    tools: { name: string; description: string; input_schema: Record<string, unknown> }[];
    tool_choice: { type: string; name?: string; disable_parallel_tool_use?: boolean };
    messages: { role: string; content: string }[];
  };
}

export type Reply = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export async function startAnthropicStub() {
  const requests: RecordedRequest[] = [];
  let reply: Reply = () => toolUse("report_no_fix", { reason: "no script" });
  const server = await serveFetchHandler(async (req) => {
    const request: RecordedRequest = {
      at: Date.now(),
      path: new URL(req.url).pathname,
      headers: Object.fromEntries(req.headers),
      body: (await req.json()) as RecordedRequest["body"],
    };
    requests.push(request);
    return reply(request, requests.length - 1);
  });
  return {
    url: server.url,
    requests,
    answer(next: Reply) {
      reply = next;
      requests.length = 0;
    },
    close: server.close,
  };
}

export interface StubUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export function message(content: unknown[], o: { model?: string; stop_reason?: string; usage?: StubUsage } = {}): Response {
  return Response.json({
    id: "msg_test",
    type: "message",
    role: "assistant",
    model: o.model ?? "claude-opus-4-6",
    content,
    stop_reason: o.stop_reason ?? (content.some((c) => (c as { type: string }).type === "tool_use") ? "tool_use" : "end_turn"),
    stop_sequence: null,
    usage: { input_tokens: 1200, output_tokens: 300, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, ...o.usage },
  });
}

export function toolUse(name: string, input: unknown, o: { model?: string; usage?: StubUsage; stop_reason?: string } = {}): Response {
  return message([{ type: "tool_use", id: "toolu_test", name, input }], o);
}

export function apiError(status: number, type: string, text: string, headers: Record<string, string> = {}): Response {
  return Response.json({ type: "error", error: { type, message: text } }, { status, headers });
}
