import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "./env";
import { assertProductionSettings } from "./boot";

describe("parseEnv", () => {
  it("applies the runbook's documented defaults", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      HEALING_CONFIDENCE_THRESHOLD: 0.75,
      HEALING_AUTO_APPLY: false,
      HEALING_DEMO_MODE: false,
      HEALING_MAX_RETRIES: 3,
      HEALING_FIX_BRANCH_PREFIX: "auto-fix/",
      KB_ENABLED: true,
      KB_MIN_CONFIDENCE: 0.7,
      KB_MIN_SUCCESS_COUNT: 2,
      ANTHROPIC_MODEL: "claude-opus-4-6",
      NEO4J_USERNAME: "neo4j",
      NEO4J_PASSWORD: "infraflow",
      GITHUB_URL: "https://github.com",
      WEBHOOK_MAX_BODY_BYTES: 25 * 1024 * 1024,
    });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.NEO4J_URI).toBeUndefined();
  });

  it("parses booleans and numbers the way operators write them", () => {
    const e = parseEnv({ HEALING_AUTO_APPLY: "yes", KB_ENABLED: "0", KB_MIN_CONFIDENCE: "0.9", HEALING_MAX_RETRIES: "5", GITHUB_URL: "http://127.0.0.1:4100" });
    expect(e).toMatchObject({ HEALING_AUTO_APPLY: true, KB_ENABLED: false, KB_MIN_CONFIDENCE: 0.9, HEALING_MAX_RETRIES: 5, GITHUB_URL: "http://127.0.0.1:4100" });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", WEBHOOK_SECRET: " " }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["HEALING_CONFIDENCE_THRESHOLD", "1.5", "expected a number from 0.0 to 1.0"],
    ["KB_MIN_CONFIDENCE", "high", "expected a number from 0.0 to 1.0"],
    ["HEALING_AUTO_APPLY", "maybe", "expected true or false"],
    ["HEALING_MAX_RETRIES", "2.5", "expected a whole number from 0 to 20"],
    ["HEALING_FIX_BRANCH_PREFIX", "auto-fix", "expected a git branch prefix ending in '/'"],
    ["GITHUB_URL", "not a url", "expected an http(s) URL"],
    ["LOG_LEVEL", "loud", "Invalid option"],
  ])("rejects %s=%s with one line naming the variable and what is allowed", (variable, value, allowed) => {
    let error: unknown;
    try {
      parseEnv({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvError);
    const message = (error as Error).message;
    expect(message).toContain(`${variable}=${JSON.stringify(value)}`);
    expect(message).toContain(allowed);
    expect(message).not.toContain("\n");
  });

  it("refuses production without a session secret", () => {
    expect(() => assertProductionSettings(parseEnv({ NODE_ENV: "production" }))).toThrow("Missing environment variable NEXTAUTH_SECRET");
    expect(() => assertProductionSettings(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret", APP_URL: "https://infraflow.example.com", TOKEN_ENCRYPTION_KEY: "ZTJlLXRva2VuLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=" }))).not.toThrow();
    expect(() => assertProductionSettings(parseEnv({ NODE_ENV: "development" }))).not.toThrow();
  });

  it("refuses production without TOKEN_ENCRYPTION_KEY (credentials at rest are sealed with it)", () => {
    expect(() => assertProductionSettings(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret", APP_URL: "https://x.example" }))).toThrow(
      "Missing environment variable TOKEN_ENCRYPTION_KEY",
    );
  });

  it.each([
    ["DATABASE_URL", "postgresql://infraflow:hunter2@db host/infraflow"],
    ["NEO4J_URI", "bolt://neo4j:hunter2@graph host"],
    ["GITHUB_URL", "https://user:hunter2@ghe example"],
    ["ANTHROPIC_BASE_URL", "https://key:hunter2@proxy example"],
    ["TOKEN_ENCRYPTION_KEY", "hunter2"],
    ["PUSHER_PORT", "hunter2"],
  ])("names an invalid %s but never echoes a value that can hold a credential", (variable, value) => {
    let message = "";
    try {
      parseEnv({ [variable]: value });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(variable);
    if (variable !== "PUSHER_PORT") expect(message).not.toContain("hunter2");
    else expect(message).toContain("hunter2"); // a port holds no credential: showing it helps
  });
});
