import { describe, expect, it } from "vitest";
import { LineSplitter, splitLines } from "./split-lines";

function feed(chunks: string[], max?: number): string[] {
  const out: string[] = [];
  const s = new LineSplitter((l) => out.push(l), max);
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe("LineSplitter", () => {
  it("ends lines at \\n, \\r\\n and a lone \\r, like the dataset's line numbers", () => {
    expect(splitLines("a\nb\r\nc\rd")).toEqual(["a", "b", "c", "d"]);
    expect(splitLines("a\n\nb\n")).toEqual(["a", "", "b"]);
  });

  it("counts a \\r\\n split across chunks once", () => {
    expect(feed(["one\r", "\ntwo\r", "three"])).toEqual(["one", "two", "three"]);
    expect(feed(["x\r", "", "\ny"])).toEqual(["x", "y"]);
  });

  it("joins a line split across chunks", () => {
    expect(feed(["hel", "lo wo", "rld\nnext"])).toEqual(["hello world", "next"]);
  });

  it("cuts very long lines instead of holding them whole", () => {
    const out = feed(["a".repeat(50), "b".repeat(50), "c".repeat(50), "\nshort\n"], 80);
    expect(out).toEqual(["a".repeat(50) + "b".repeat(30), "short"]);
  });
});
