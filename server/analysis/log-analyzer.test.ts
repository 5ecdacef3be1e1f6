import { describe, expect, it } from "vitest";
import { analyzeLogChunks, analyzeLogText } from "./analyze-log";
import { LogAnalyzer } from "./log-analyzer";

describe("LogAnalyzer", () => {
  it("keeps a bounded number of ranges however many errors a log has", () => {
    const analyzer = new LogAnalyzer({ maxRanges: 50, maxReported: 10 });
    // errors three lines apart: each is its own range (closer ones would merge)
    for (let i = 0; i < 20_000; i++) {
      analyzer.push(`[INFO] step ${i}`);
      analyzer.push(`src/file${i}.ts(${i},1): error TS2322: Type 'string' is not assignable to type 'number'.`);
      analyzer.push("");
      analyzer.push(`[INFO] step ${i} done`);
    }
    const r = analyzer.finish();
    expect(r.failureType).toBe("BUILD_COMPILE");
    expect(r.errorLines.length).toBe(10);
    expect(r.facts.lines).toBe(80_000);
    // the earliest strong ranges survive: they are the ones reported first
    expect(r.errorLines[0]).toEqual([2, 2]);
    expect(r.signatureText.split("\n").length).toBeLessThanOrEqual(13);
  });

  it("streams a log from chunks that split lines and CRLFs anywhere", async () => {
    const text = "build\r\nstep\r\nnpm ERR! code ETARGET\r\nnpm ERR! notarget No matching version found for left-pad@^9.0.0.\r\n\r\ndone\r\n";
    const whole = analyzeLogText(text);
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const streamed = await analyzeLogChunks(chunks);
    expect(streamed.failureType).toBe("DEPENDENCY_RESOLUTION");
    expect(streamed.errorLines).toEqual(whole.errorLines);
    expect(streamed.errorLines).toEqual([[3, 4]]);
    expect(streamed.signature).toBe(whole.signature);
  });

  it("decodes UTF-8 split inside a character", async () => {
    const bytes = Buffer.from("  ✕ computes the total (5 ms)\nTests:       1 failed, 3 passed, 4 total\n");
    const r = await analyzeLogChunks([bytes.subarray(0, 3), bytes.subarray(3)]);
    expect(r.failureType).toBe("TEST_FAILURE");
    expect(r.excerpt).toContain("✕ computes the total");
  });

  it("merges an error message split by one blank line, and separates distant ones", () => {
    const r = analyzeLogText(["ok", "error[E0308]: mismatched types", "  --> src/a.rs:1:1", "", "  = note: expected u32", "x", "y", "z", "w", "error: could not compile `a` (lib) due to 1 previous error"].join("\n"));
    expect(r.errorLines).toEqual([
      [2, 5],
      [10, 10],
    ]);
  });

  it("reports the step a range is in, from the runner's group markers", () => {
    const analyzer = new LogAnalyzer();
    for (const l of ["##[group]Run npm ci", "##[endgroup]", "added 1 package", "##[group]Run npm test", "##[endgroup]", "FAIL src/a.test.ts", "Tests:       1 failed, 1 total", "##[error]Process completed with exit code 1."]) analyzer.push(l);
    const r = analyzer.finish();
    expect(r.facts.step).toBe("Run npm test");
    expect(r.facts.failed).toBe(true);
    expect(r.facts.cancelledOnly).toBe(false);
  });
});
