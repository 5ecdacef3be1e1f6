import { describe, expect, it } from "vitest";
import { classScores, confusion, firstRangeHit, lineRecall } from "./analysis-metrics";

describe("analysis evaluation metrics", () => {
  it("computes accuracy and macro-F1 over every label seen", () => {
    const c = confusion([
      { gold: "A", predicted: "A" },
      { gold: "A", predicted: "B" },
      { gold: "B", predicted: "B" },
      { gold: "B", predicted: "B" },
    ]);
    const s = classScores(c);
    expect(s.accuracy).toBe(0.75);
    const a = s.perClass.find((x) => x.label === "A")!;
    expect(a).toMatchObject({ support: 2, precision: 1, recall: 0.5 });
    expect(a.f1).toBeCloseTo(2 / 3);
    const b = s.perClass.find((x) => x.label === "B")!;
    expect(b.precision).toBeCloseTo(2 / 3);
    expect(b.f1).toBeCloseTo(0.8);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it("a predicted label no log has counts in macro-F1 with an F1 of zero", () => {
    const s = classScores(confusion([{ gold: "A", predicted: "A" }, { gold: "A", predicted: "C" }]));
    expect(s.perClass.map((x) => x.label)).toEqual(["A", "C"]);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it("checks the first reported range and the recall of marked lines", () => {
    expect(firstRangeHit([[10, 12], [1, 2]], [[12, 20]])).toBe(true);
    expect(firstRangeHit([[1, 2], [10, 12]], [[12, 20]])).toBe(false);
    expect(firstRangeHit([], [[1, 1]])).toBe(false);
    expect(lineRecall([[1, 5]], [[4, 7]])).toBe(0.5);
  });
});
