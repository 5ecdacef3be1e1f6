import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "../../env";
import { generationSettings, isAnthropicHost } from "./generation-settings";

describe("generationSettings", () => {
  it("has documented defaults", () => {
    expect(generationSettings(parseEnv({}))).toEqual({
      demoMode: false, apiKey: undefined, baseURL: undefined, model: "claude-opus-4-6",
      timeoutMs: 300_000, maxRetries: 2, maxOutputTokens: 8192, contextTokenBudget: 60_000,
    });
  });

  it("reads the LLM settings from the environment", () => {
    const s = generationSettings(parseEnv({
      HEALING_DEMO_MODE: "true", ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: "http://127.0.0.1:3100/anthropic", ANTHROPIC_MODEL: "claude-sonnet-4-6",
      ANTHROPIC_TIMEOUT_MS: "60000", ANTHROPIC_MAX_RETRIES: "0", ANTHROPIC_MAX_OUTPUT_TOKENS: "16000", HEALING_CONTEXT_TOKEN_BUDGET: "20000",
    }));
    expect(s).toEqual({ demoMode: true, apiKey: "k", baseURL: "http://127.0.0.1:3100/anthropic", model: "claude-sonnet-4-6", timeoutMs: 60_000, maxRetries: 0, maxOutputTokens: 16_000, contextTokenBudget: 20_000 });
  });

  it.each([
    ["ANTHROPIC_TIMEOUT_MS", "0"],
    ["ANTHROPIC_MAX_RETRIES", "-1"],
    ["ANTHROPIC_MAX_OUTPUT_TOKENS", "lots"],
    ["HEALING_CONTEXT_TOKEN_BUDGET", "100"],
  ])("refuses %s=%s naming the variable", (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(InvalidEnvError);
    expect(() => parseEnv({ [variable]: value })).toThrow(new RegExp(variable));
  });

  it("knows Anthropic's own hosts, which demo mode never calls", () => {
    expect(isAnthropicHost("https://api.anthropic.com")).toBe(true);
    expect(isAnthropicHost("http://127.0.0.1:3100/anthropic")).toBe(false);
    expect(isAnthropicHost("https://anthropic.com.evil.example")).toBe(false);
  });
});
