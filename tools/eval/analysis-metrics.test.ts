import { describe, expect, it } from "vitest";
import { classScores, confusion, firstRangeHit, lineRecall, reliability, scoreByGroup } from "./analysis-metrics";

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

describe("calibration and per-project metrics", () => {
  it("bins answers by confidence and measures the gap to their accuracy", () => {
    const answers = [
      ...Array.from({ length: 9 }, () => ({ correct: true, confidence: 0.9 })),
      { correct: false, confidence: 0.9 },
      { correct: false, confidence: 0.3 },
      { correct: true, confidence: 0.3 },
    ];
    const { bins, ece } = reliability(answers);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.5, n: 2, accuracy: 0.5 });
    expect(bins[1]).toMatchObject({ from: 0.9, n: 10 });
    expect(bins[1]!.accuracy).toBeCloseTo(0.9);
    expect(ece).toBeCloseTo((2 / 12) * 0.2);
  });

  it("scores each project on its own, worst first", () => {
    const rows = [
      { p: "a", ok: true },
      { p: "a", ok: false },
      { p: "b", ok: true },
    ];
    expect(scoreByGroup(rows, (r) => r.p, (r) => r.ok)).toEqual([
      { group: "a", n: 2, accuracy: 0.5 },
      { group: "b", n: 1, accuracy: 1 },
    ]);
  });
});
