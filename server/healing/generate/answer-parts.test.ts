// Pure parts of the call and its answer: the price table, the tool choice per model, answer parsing.
import { describe, expect, it } from "vitest";
import { toolChoiceFor } from "./call-claude";
import { fixTools } from "./fix-tool";
import { parseAnswer } from "./parse-answer";
import { modelPrice, requestCost } from "./prices";

describe("prices", () => {
  it("prices dated snapshots like their alias, and an unknown model as null", () => {
    expect(modelPrice("claude-sonnet-4-5-20250929")).toEqual(modelPrice("claude-sonnet-4-5"));
    expect(modelPrice("claude-opus-4-6")).toEqual({ input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 });
    expect(requestCost("claude-imaginary-1", { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 })).toBeNull();
  });

  it("charges each kind of token at its own rate", () => {
    // 1M of each on Sonnet 4.6: 3 + 15 + 3.75 + 0.30
    expect(requestCost("claude-sonnet-4-6", { inputTokens: 1e6, outputTokens: 1e6, cacheWriteTokens: 1e6, cacheReadTokens: 1e6 })).toBe(22.05);
  });
});

describe("toolChoiceFor", () => {
  it("forces a tool, except on models that reject forced tool use", () => {
    expect(toolChoiceFor("claude-opus-4-6")).toEqual({ type: "any", disable_parallel_tool_use: true });
    expect(toolChoiceFor("claude-opus-5-5")).toEqual({ type: "auto", disable_parallel_tool_use: true });
  });
});

describe("fix tool schema", () => {
  it("is derived from the zod schema: no $schema key, strict objects, the change actions", () => {
    const schema = fixTools[0]!.input_schema as Record<string, any>;
    expect(schema.$schema).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.changes.items.properties.action.enum).toEqual(["modify", "create", "delete"]);
    expect(schema.properties.confidence).toMatchObject({ type: "number", minimum: 0, maximum: 1 });
  });
});

describe("parseAnswer", () => {
  const fix = { summary: "s", rootCause: "r", explanation: "e", changes: [{ path: "a", action: "delete" }], confidence: 0.5, testsTouched: false };

  it("takes the tool call after thinking or text blocks", () => {
    const parsed = parseAnswer({ stop_reason: "tool_use", content: [{ type: "thinking", thinking: "", signature: "s" } as never, { type: "tool_use", id: "t", name: "propose_fix", input: fix } as never] });
    expect(parsed).toMatchObject({ ok: true, proposal: { summary: "s" } });
  });

  it("refuses two tool calls", () => {
    const call = { type: "tool_use", id: "t", name: "propose_fix", input: fix } as never;
    expect(parseAnswer({ stop_reason: "tool_use", content: [call, call] })).toMatchObject({ ok: false, kind: "invalid-output", reason: expect.stringMatching(/2 tool calls/) });
  });
});
