import { describe, expect, it } from "vitest";
import { KeywordIndex } from "./keyword-index";

const KEYWORDS = ["error", "failed to", "^e: ", "✕", "^# ", "^[error]", "md01", "❯", "timeout", "eresolve", "no space left"];

function found(index: KeywordIndex, text: string): number[] {
  const ids = new Set<number>();
  index.scan(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

function naive(text: string): number[] {
  const lower = text.toLowerCase();
  return KEYWORDS.flatMap((k, id) => ((k.startsWith("^") ? lower.startsWith(k.slice(1)) : lower.includes(k)) ? [id] : []));
}

describe("KeywordIndex", () => {
  const index = new KeywordIndex(KEYWORDS.map((keyword, id) => ({ keyword, id })));

  it("finds keywords anywhere, ignoring ASCII case", () => {
    expect(found(index, "npm ERR! code ERESOLVE")).toEqual([9]);
    expect(found(index, "Build FAILED TO start: TimeOut")).toEqual([1, 8]);
    expect(found(index, "  ✕ computes (5 ms)")).toEqual([3]);
    expect(found(index, "see MD013/line-length")).toEqual([6]);
    expect(found(index, "e: file.kt:1:2 boom")).toEqual([2]);
  });

  it("finds anchored keywords only at the start", () => {
    expect(found(index, "# github.com/acme/app")).toEqual([4]);
    expect(found(index, "x # github.com/acme/app")).toEqual([]);
    expect(found(index, "[ERROR] boom")).toEqual([0, 5]);
  });

  it("agrees with a naive search on generated lines", () => {
    const alphabet = ["error", "ERR", "fail", "ed to", "e: ", "✕", "#", " ", "md0", "1", "❯", "time", "out", "x", "No Space Left", "[", "]", "Eresolv", "e"];
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]);
      const text = parts.join("");
      expect(found(index, text), text).toEqual(naive(text));
    }
  });

  it("rejects keywords it could not find reliably", () => {
    expect(() => new KeywordIndex([{ keyword: "Error", id: 0 }])).toThrow(/lower case/);
    expect(() => new KeywordIndex([{ keyword: "x", id: 0 }])).toThrow(/non-ASCII/);
    expect(() => new KeywordIndex([{ keyword: "ab", id: 0 }])).toThrow(/at least 4/);
  });
});
