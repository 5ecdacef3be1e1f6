import { describe, expect, it } from "vitest";
import { listPatternsInput, recordFixInput, recordFixOutcomeInput } from "./knowledge-inputs";

describe("knowledge-base inputs", () => {
  it("accepts the runbook's query parameters and refuses unknown failure types", () => {
    expect(listPatternsInput.parse({ failureType: "BUILD_COMPILE", limit: "20" })).toEqual({ failureType: "BUILD_COMPILE", limit: 20 });
    expect(listPatternsInput.safeParse({ failureType: "SOMETHING" }).success).toBe(false);
    expect(listPatternsInput.safeParse({ limit: 0 }).success).toBe(false);
  });

  it("validates fixes and outcomes", () => {
    const failure = { failureType: "LINT", signature: "ab".repeat(32), signatureText: "LINT\nsemi" };
    expect(recordFixInput.safeParse({ failure, strategy: "add it", changes: [{ path: "a.ts", content: "x" }] }).success).toBe(true);
    expect(recordFixInput.safeParse({ failure, strategy: "add it", changes: [] }).success).toBe(false);
    expect(recordFixOutcomeInput.safeParse({ fixId: "00000000-0000-4000-8000-000000000000", outcome: "succeeded" }).success).toBe(true);
    expect(recordFixOutcomeInput.safeParse({ fixId: "00000000-0000-4000-8000-000000000000", outcome: "merged" }).success).toBe(false);
  });
});
