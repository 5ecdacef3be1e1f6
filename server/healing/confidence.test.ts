import { describe, expect, it } from "vitest";
import { combineConfidence, reviewDecision } from "./confidence";

describe("combineConfidence", () => {
  it("does not let the model's word alone clear the default threshold", () => {
    expect(combineConfidence(0.9, { successCount: 0, failureCount: 0 })).toBeCloseTo(0.584, 3);
    expect(combineConfidence(1, { successCount: 0, failureCount: 0 })).toBeLessThan(0.75);
  });

  it("earns trust from verified successes of the failure type, and loses it to failures", () => {
    expect(combineConfidence(0.9, { successCount: 4, failureCount: 0 })).toBeCloseTo(0.7552, 3);
    expect(combineConfidence(0.9, { successCount: 10, failureCount: 0 })).toBeCloseTo(0.8487, 3);
    expect(combineConfidence(0.9, { successCount: 10, failureCount: 5 })).toBeLessThan(combineConfidence(0.9, { successCount: 10, failureCount: 0 }) - 0.15);
  });

  it("never exceeds the model's own number: a good record does not raise a doubtful fix", () => {
    expect(combineConfidence(0.3, { successCount: 100, failureCount: 0 })).toBe(0.3);
  });

  it("clamps what the model says to 0..1", () => {
    expect(combineConfidence(Number.NaN, { successCount: 5, failureCount: 0 })).toBe(0);
    expect(combineConfidence(-1, { successCount: 5, failureCount: 0 })).toBe(0);
    expect(combineConfidence(7, { successCount: 50, failureCount: 0 })).toBeLessThanOrEqual(1);
  });
});

describe("reviewDecision", () => {
  const finding = { rule: "test-skipped", path: "a.test.ts", line: 3, side: "new" as const, message: "skips a test" };
  it.each([
    [0.8, [], true, { needsReview: false, autoApply: true }],
    [0.75, [], true, { needsReview: false, autoApply: true }],
    [0.8, [], false, { needsReview: false, autoApply: false }],
    [0.7, [], true, { needsReview: true, autoApply: false }],
    [0.99, [finding], true, { needsReview: true, autoApply: false }],
  ])("confidence %s with findings %j and auto-apply %s → %j", (confidence, findings, autoApply, expected) => {
    expect(reviewDecision({ confidence, threshold: 0.75, findings, autoApply })).toEqual(expected);
  });
});
