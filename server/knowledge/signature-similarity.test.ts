import { describe, expect, it } from "vitest";
import { BANDS, jaccard, signatureBands, signatureFeatures, signatureSimilarity } from "./signature-similarity";

// Deterministic word soup for the LSH statistics (no Math.random: failures must be reproducible).
function words(seed: number, n: number): string[] {
  let x = seed >>> 0;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return `w${x % 5000}`;
  });
}

describe("signature similarity", () => {
  it("is the Jaccard index of word and word-pair sets", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3, 12);
    expect([...signatureFeatures("Cannot find symbol")].sort()).toEqual(["cannot", "cannot find", "find", "find symbol", "symbol"]);
    expect(signatureSimilarity("a b c", "a b c")).toBe(1);
    expect(signatureSimilarity("a b c", "x y z")).toBe(0);
  });

  it("ignores the leading failure-type line every pattern of that type shares", () => {
    expect(signatureFeatures("BUILD_COMPILE\nfoo bar")).toEqual(signatureFeatures("foo bar"));
    expect(signatureSimilarity("TEST_FAILURE\nexpected 2", "TEST_FAILURE\nboom")).toBe(0);
  });

  it("rates a one-word difference as similar (above the 0.7 default) and different errors as not", () => {
    const a = "BUILD_COMPILE\ncannot find symbol symbol: class Helper location: class app.Service";
    const b = "BUILD_COMPILE\ncannot find symbol symbol: class Helper2 location: class app.Service";
    const c = "BUILD_COMPILE\nincompatible types: String cannot be converted to int";
    expect(signatureSimilarity(a, b)).toBeGreaterThanOrEqual(0.7);
    expect(signatureSimilarity(a, c)).toBeLessThan(0.2);
  });

  it("gives BANDS type-scoped band keys, identical for identical texts", () => {
    const text = "cannot find symbol class Helper";
    const keys = signatureBands("BUILD_COMPILE", text);
    expect(keys).toHaveLength(BANDS);
    expect(new Set(keys).size).toBe(BANDS);
    expect(signatureBands("BUILD_COMPILE", text)).toEqual(keys);
    const otherType = signatureBands("LINT", text);
    expect(otherType.filter((k) => keys.includes(k))).toEqual([]);
  });

  it("makes similar texts share a band far more often than dissimilar ones", () => {
    let similarShared = 0;
    let dissimilarShared = 0;
    const trials = 200;
    for (let i = 0; i < trials; i++) {
      const base = words(i + 1, 40);
      const near = [...base];
      near[5] = "changed"; // one word of 40: similarity ~0.9
      const far = words(10_000 + i, 40);
      const share = (a: string[], b: string[]) => {
        const ka = new Set(signatureBands("TEST_FAILURE", a.join(" ")));
        return signatureBands("TEST_FAILURE", b.join(" ")).some((k) => ka.has(k));
      };
      if (share(base, near)) similarShared++;
      if (share(base, far)) dissimilarShared++;
    }
    expect(similarShared / trials).toBeGreaterThan(0.97);
    expect(dissimilarShared / trials).toBeLessThan(0.05);
  });
});
