import { describe, expect, it } from "vitest";
import { analyzeLogText } from "./analyze-log";
import { confidenceFromCounts, PRIOR } from "./calibration";
import { classifyFailure, type Evidence } from "./classify-failure";
import type { FailureType } from "./failure-types";

const ev = (type: FailureType, weight: number, summary: boolean, line: number, count = 1): Evidence => ({ ruleId: `r${line}`, type, weight, count, lines: [line], segment: 0, summary });

describe("classifyFailure", () => {
  it("lets a load error outrank a test run's verdicts when no test failed on its own", () => {
    const evidence = [ev("BUILD_COMPILE", 6, false, 42), ev("TEST_FAILURE", 5, true, 55), ev("TEST_FAILURE", 8, true, 89), ev("TEST_FAILURE", 3, true, 90)];
    const c = classifyFailure(evidence);
    expect(c.failureType).toBe("BUILD_COMPILE");
    expect(c.decidingLines).toEqual([42]);
    expect(c.grade).toBe("load-error");
  });

  it("keeps a test failure when a test failed on its own, whatever else the run printed", () => {
    const evidence = [ev("DEPENDENCY_RESOLUTION", 7, false, 10), ev("TEST_FAILURE", 5, false, 57), ev("TEST_FAILURE", 8, true, 138)];
    expect(classifyFailure(evidence).failureType).toBe("TEST_FAILURE");
  });

  it("needs a real cause to outrank the verdicts", () => {
    const evidence = [ev("INFRASTRUCTURE", 3, false, 10), ev("TEST_FAILURE", 8, true, 138)];
    expect(classifyFailure(evidence).failureType).toBe("TEST_FAILURE");
  });

  it("grades by agreement of the tool's lines and its verdict, and by the winner's lead", () => {
    expect(classifyFailure([ev("LINT", 6, false, 1, 3), ev("LINT", 10, true, 9)]).grade).toBe("agree-clear");
    expect(classifyFailure([ev("LINT", 6, false, 1), ev("LINT", 10, true, 9), ev("BUILD_COMPILE", 9, false, 3)]).grade).toBe("agree-contested");
    expect(classifyFailure([ev("BUILD_COMPILE", 8, false, 1)]).grade).toBe("cause-clear");
    expect(classifyFailure([ev("LINT", 9, true, 1)]).grade).toBe("verdict-clear");
    expect(classifyFailure([ev("LINT", 3, true, 1)]).grade).toBe("weak");
  });

  it("says UNKNOWN with a low confidence when the evidence is too thin", () => {
    const none = classifyFailure([]);
    expect(none).toMatchObject({ failureType: "UNKNOWN", grade: "unknown", decidingLines: [] });
    expect(none.confidence).toBeLessThanOrEqual(0.3);
    const thin = classifyFailure([ev("LINT", 2, true, 4)]);
    expect(thin.failureType).toBe("UNKNOWN");
    expect(thin.confidence).toBeLessThan(none.confidence);
  });
});

describe("calibrated confidence", () => {
  it("is the share of right answers, pulled towards a cautious prior when there were few", () => {
    expect(confidenceFromCounts(undefined)).toBe(PRIOR.accuracy);
    expect(confidenceFromCounts({ n: 1000, correct: 900 })).toBeCloseTo(0.9, 1);
    expect(confidenceFromCounts({ n: 2, correct: 2 })).toBeLessThan(0.7);
    expect(confidenceFromCounts({ n: 200, correct: 200 })).toBeGreaterThan(0.95);
  });

  it("is the same for answers decided the same way", () => {
    const a = analyzeLogText("FAIL src/a.test.ts\n  ● Cart › adds tax\n    expect(received).toBe(expected)\nTests:       1 failed, 3 passed, 4 total\n");
    const b = analyzeLogText("--- FAIL: TestCart (0.00s)\n    cart_test.go:9: got 105, want 106\nFAIL\tgithub.com/acme/shop/cart\t0.011s\n");
    expect(a.failureType).toBe("TEST_FAILURE");
    expect(b.failureType).toBe("TEST_FAILURE");
    expect(a.confidence).toBe(b.confidence);
  });
});

describe("lines whose format several tools share", () => {
  const javadocError = "/home/runner/work/shop/shop/src/main/java/com/acme/shop/Cart.java:18: error: cannot find symbol";
  it("take their type from the goal or task that printed them", () => {
    const inJavadoc = analyzeLogText(["> Task :compileJava", "> Task :javadoc FAILED", javadocError, "1 error"].join("\n"));
    const inCompile = analyzeLogText(["> Task :compileJava FAILED", javadocError, "1 error"].join("\n"));
    expect(inJavadoc.failureType).toBe("LINT");
    expect(inCompile.failureType).toBe("BUILD_COMPILE");
  });

  it("javadoc's own messages are LINT wherever they are printed", () => {
    expect(analyzeLogText("/src/main/java/com/acme/Cart.java:18: error: unknown tag: discount\n").failureType).toBe("LINT");
  });

  it("go vet's findings are LINT when vet runs, a build failure when go test runs it", () => {
    const finding = "internal/orders/total.go:21:2: fmt.Printf format %d has arg name of wrong type string";
    expect(analyzeLogText(["$ go vet ./...", finding].join("\n")).failureType).toBe("LINT");
    expect(analyzeLogText(["$ go test ./...", finding, "FAIL\tgithub.com/acme/shop/internal/orders [build failed]"].join("\n")).failureType).toBe("BUILD_COMPILE");
  });
});
