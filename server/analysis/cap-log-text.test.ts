import { describe, expect, it } from "vitest";
import { analyzeLogText } from "./analyze-log";
import { LogCapper } from "./cap-log-text";

describe("LogCapper", () => {
  it("keeps a small log whole", () => {
    const c = new LogCapper(10_000);
    for (const l of ["a", "b", "c"]) c.push(l, false);
    expect(c.result()).toEqual({ text: "a\nb\nc", truncated: false, totalLines: 3, totalBytes: 6 });
  });

  it("trims a large log to the budget and keeps head, error region with context, and tail", () => {
    const lines = [
      ...Array.from({ length: 5000 }, (_, i) => `[INFO] downloading artifact ${i}`),
      "[ERROR] COMPILATION ERROR : ",
      "[ERROR] /home/runner/work/a/a/src/main/java/A.java:[42,17] cannot find symbol",
      "  symbol:   method taxRate()",
      ...Array.from({ length: 5000 }, (_, i) => `[INFO] more output ${i}`),
      "##[error]Process completed with exit code 1.",
    ];
    const capper = new LogCapper(8 * 1024);
    analyzeLogText(lines.join("\n"), { onLine: (line, inRange) => capper.push(line, inRange) });
    const r = capper.result();
    expect(r.truncated).toBe(true);
    expect(r.totalLines).toBe(lines.length);
    expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(8 * 1024 + 200);
    expect(r.text.startsWith("[INFO] downloading artifact 0\n")).toBe(true);
    expect(r.text).toContain("[INFO] downloading artifact 4999\n[ERROR] COMPILATION ERROR : \n[ERROR] /home/runner/work/a/a/src/main/java/A.java:[42,17] cannot find symbol\n  symbol:   method taxRate()");
    expect(r.text.endsWith("##[error]Process completed with exit code 1.")).toBe(true);
    expect(r.text).toMatch(/… \d+ lines omitted …/);
  });
});
