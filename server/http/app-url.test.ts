// The webhook payload URL comes from configuration, never from the Host header a request happened to
// carry (a request to 127.0.0.1, or a forged Host, must not become the URL GitHub is told to call).
import { describe, expect, it } from "vitest";
import { assertProductionSettings } from "../boot";
import { InvalidEnvError, parseEnv } from "../env";
import { appUrl } from "./app-url";

describe("appUrl", () => {
  it("is APP_URL, else NEXTAUTH_URL, without a trailing slash", () => {
    expect(appUrl(parseEnv({ APP_URL: "https://infraflow.example.com/", NEXTAUTH_URL: "http://localhost:3000" }))).toBe("https://infraflow.example.com");
    expect(appUrl(parseEnv({ NEXTAUTH_URL: "http://localhost:3000" }))).toBe("http://localhost:3000");
  });

  it("refuses to guess when neither is set, whatever the request said", () => {
    expect(() => appUrl(parseEnv({}))).toThrow(/APP_URL/);
    expect(appUrl.length).toBe(1);
  });

  it("is required in production", () => {
    const e = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s" });
    expect(() => assertProductionSettings(e)).toThrow(InvalidEnvError);
    expect(() => assertProductionSettings(e)).toThrow(/APP_URL/);
    expect(() => assertProductionSettings(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", NEXTAUTH_URL: "https://x.example", TOKEN_ENCRYPTION_KEY: "ZTJlLXRva2VuLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=" }))).not.toThrow();
  });

  it("production never accepts unsigned webhook deliveries", () => {
    const e = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", APP_URL: "https://x.example", WEBHOOK_ALLOW_UNSIGNED: "true" });
    expect(() => assertProductionSettings(e)).toThrow(/WEBHOOK_ALLOW_UNSIGNED/);
  });
});
