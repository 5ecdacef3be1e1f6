import { describe, expect, it } from "vitest";
import { CONFIDENCE_Z, fixConfidence, wilsonLowerBound } from "./fix-confidence";

describe("fix confidence (Wilson lower bound)", () => {
  it("matches the textbook Wilson interval", () => {
    // 95% Wilson interval of 8/10 is (0.4902, 0.9433).
    expect(wilsonLowerBound(8, 10, 1.96)).toBeCloseTo(0.4902, 4);
    // All successes: n / (n + z^2).
    for (const n of [1, 2, 5, 40]) expect(wilsonLowerBound(n, n)).toBeCloseTo(n / (n + CONFIDENCE_Z ** 2), 12);
  });

  it("never calls a fix that worked once 100%, and grows with evidence", () => {
    expect(fixConfidence({ successCount: 0, failureCount: 0 })).toBe(0);
    expect(fixConfidence({ successCount: 1, failureCount: 0 })).toBeLessThan(0.5);
    const series = [1, 2, 4, 8, 16, 64].map((n) => fixConfidence({ successCount: n, failureCount: 0 }));
    expect(series).toEqual([...series].sort((a, b) => a - b));
    expect(series.at(-1)).toBeLessThan(1);
    expect(fixConfidence({ successCount: 4, failureCount: 0 })).toBeGreaterThanOrEqual(0.7);
    expect(fixConfidence({ successCount: 3, failureCount: 0 })).toBeLessThan(0.7);
  });

  it("lets failures and rejections pull confidence down", () => {
    const clean = fixConfidence({ successCount: 10, failureCount: 0 });
    const one = fixConfidence({ successCount: 10, failureCount: 1 });
    const many = fixConfidence({ successCount: 10, failureCount: 10 });
    expect(one).toBeLessThan(clean);
    expect(many).toBeLessThan(one);
    expect(fixConfidence({ successCount: 0, failureCount: 5 })).toBe(0);
  });
});
