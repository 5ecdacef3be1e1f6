// The Claude call (issue 9 §2): one Messages request through @anthropic-ai/sdk with the fix tools, a
// forced tool choice, and the stable system prompt cached. Timeouts and retries are the SDK's own
// (408/409/429/5xx and connection errors, honouring retry-after), configured from the settings. API
// failures come back as a reason, never thrown; anything else is a programming error and is thrown.
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";
import type { Logger } from "pino";
import { fixTools } from "./fix-tool";
import { requestCost } from "./prices";
import { SYSTEM_PROMPT } from "./system-prompt";
import type { LlmUsage } from "./types";

export interface LlmSettings {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
}

export type ClaudeCall = { ok: true; message: Anthropic.Message; usage: LlmUsage } | { ok: false; reason: string };

// These models run with thinking that cannot be turned off, and reject a forced tool_choice with a 400
// (platform.claude.com, "What's new in Claude Opus 5.5"); they get `auto` and the system prompt's rule.
const NO_FORCED_TOOL = ["claude-opus-5-5", "claude-fable-5-1"];

export function toolChoiceFor(model: string): Anthropic.ToolChoice {
  return NO_FORCED_TOOL.some((m) => model === m || model.startsWith(`${m}-`))
    ? { type: "auto", disable_parallel_tool_use: true }
    : { type: "any", disable_parallel_tool_use: true };
}

// The system prompt and the tools form the cached prefix. A model caches a prefix only above its minimum
// (1,024 tokens on Sonnet 4.5/4.6 and Opus 4.1, 4,096 on Opus 4.5/4.6 and Haiku 4.5); below it the
// request is billed in full, without error. Ours is roughly 1,700 tokens (with the API's tool preamble).
export function buildFixRequest(model: string, maxTokens: number, userMessage: string): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: maxTokens,
    system: [{ type: "text", text: SYSTEM_PROMPT, cache_control: { type: "ephemeral" } }],
    tools: fixTools,
    tool_choice: toolChoiceFor(model),
    messages: [{ role: "user", content: userMessage }],
  };
}

export async function callClaude(settings: LlmSettings, userMessage: string, log: Logger): Promise<ClaudeCall> {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? null,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logger: sdkLogger(log),
  });
  let message: Anthropic.Message;
  try {
    message = await client.messages.create(buildFixRequest(settings.model, settings.maxOutputTokens, userMessage));
  } catch (err) {
    const reason = apiFailure(err, settings);
    if (reason === null) throw err;
    log.warn({ err, model: settings.model }, `Claude API call failed: ${reason}`);
    return { ok: false, reason };
  }
  return { ok: true, message, usage: usageOf(message, settings.model, log) };
}

export function usageOf(message: Anthropic.Message, requestedModel: string, log: Logger): LlmUsage {
  const model = message.model || requestedModel;
  const counts = {
    inputTokens: message.usage.input_tokens,
    outputTokens: message.usage.output_tokens,
    cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
  };
  const cost = requestCost(model, counts);
  if (cost === null) log.warn({ model }, `No price for model ${model} in server/healing/generate/prices.ts: its cost is recorded as 0`);
  return { model, ...counts, costUsd: cost ?? 0 };
}

function apiFailure(err: unknown, s: LlmSettings): string | null {
  const attempts = `${s.maxRetries + 1} attempt${s.maxRetries === 0 ? "" : "s"}`;
  if (err instanceof APIConnectionTimeoutError) return `the Anthropic API did not answer within ${s.timeoutMs} ms (${attempts})`;
  if (err instanceof APIConnectionError) return `could not reach the Anthropic API at ${s.baseURL ?? "api.anthropic.com"} (${attempts}): ${err.cause instanceof Error ? err.cause.message : err.message}`;
  if (err instanceof APIError) {
    const body = err.error as { error?: { type?: string; message?: string } } | undefined;
    const detail = body?.error ? `${body.error.type ?? "error"}: ${body.error.message ?? ""}` : err.message;
    const hint = err.status === 401 ? " (check ANTHROPIC_API_KEY)" : "";
    return `the Anthropic API answered ${err.status ?? "an error"}${hint}: ${detail}`.trim();
  }
  return null;
}

function sdkLogger(log: Logger) {
  return {
    error: (message: string, ...rest: unknown[]) => log.error({ sdk: rest }, message),
    warn: (message: string, ...rest: unknown[]) => log.warn({ sdk: rest }, message),
    info: (message: string, ...rest: unknown[]) => log.debug({ sdk: rest }, message),
    debug: (message: string, ...rest: unknown[]) => log.trace({ sdk: rest }, message),
  };
}
