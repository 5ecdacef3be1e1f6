import { describe, expect, it } from "vitest";
import { parseDiff } from "react-diff-view";
import { fixDiffs, shownLines } from "./fix-diffs";
import { errorLineIndexes } from "./error-lines";
import { allowedDecisions } from "./allowed-decisions";
import { languageOf } from "./highlight-lines";

describe("review diffs", () => {
  it("turns a plan's modified, created and deleted files into git diffs the viewer parses", () => {
    const files = fixDiffs([
      { path: "src/a.ts", action: "modify", originalContent: "one\ntwo\nthree\n", content: "one\n2\nthree\n" },
      { path: "src/new.ts", action: "create", content: "x\ny\n" },
      { path: "old.txt", action: "delete", content: "", originalContent: "gone\n" },
    ]);
    expect(files.map((f) => [f.path, f.additions, f.deletions])).toEqual([["src/a.ts", 1, 1], ["src/new.ts", 2, 0], ["old.txt", 0, 1]]);
    const parsed = files.map((f) => parseDiff(f.diff)[0]!);
    expect(parsed.map((p) => p.type)).toEqual(["modify", "add", "delete"]);
    expect(parsed[0]!.hunks[0]!.changes.map((c) => c.content)).toEqual(["one", "two", "2", "three"]);
    expect(parsed[1]!.hunks[0]!.changes.map((c) => c.type)).toEqual(["insert", "insert"]);
    expect(shownLines(files[0]!.diff)).toEqual({ old: new Set([1, 2, 3]), new: new Set([1, 2, 3]) });
    expect(shownLines(files[1]!.diff).new).toEqual(new Set([1, 2]));
  });

  it("drops the no-newline marker, which is no line of the file", () => {
    const [f] = fixDiffs([{ path: "a", action: "modify", originalContent: "a\nb", content: "a\nc" }]);
    expect(f!.diff).not.toContain("No newline");
    expect(parseDiff(f!.diff)[0]!.hunks[0]!.changes.map((c) => c.content)).toEqual(["a", "b", "c"]);
  });

  it("marks the error lines of an excerpt, not its context", () => {
    expect(errorLineIndexes("> jest\nPASS a.test.ts\nFAIL b.test.ts\n  Expected: 3\nnpm ERR! Test failed.")).toEqual([2, 3, 4]);
    expect(errorLineIndexes("▶ formatAmount\n  ✖ formats cents\n    AssertionError [ERR_ASSERTION]: values differ\n    '12.5' !== '12.50'\n✖ 1 failing test")).toEqual([1, 2, 4]);
    expect(errorLineIndexes(null)).toEqual([]);
  });

  it("offers the decisions a session's state allows", () => {
    const s = { outcome: null, decidedBy: null, hasFixPlan: true, recoded: false };
    expect(allowedDecisions({ ...s, status: "PENDING_APPROVAL" })).toEqual(["approve", "reject", "recode"]);
    expect(allowedDecisions({ ...s, status: "PENDING_APPROVAL", hasFixPlan: false })).toEqual(["reject", "recode"]);
    expect(allowedDecisions({ ...s, status: "PENDING_APPROVAL", decidedBy: "octocat" })).toEqual([]);
    expect(allowedDecisions({ ...s, status: "ANALYZING" })).toEqual([]);
    expect(allowedDecisions({ ...s, status: "APPLIED" })).toEqual([]);
    expect(allowedDecisions({ ...s, status: "APPLIED", outcome: "FAILED" })).toEqual(["recode"]);
    expect(allowedDecisions({ ...s, status: "FAILED" })).toEqual(["recode"]);
    expect(allowedDecisions({ ...s, status: "FAILED", recoded: true })).toEqual([]);
    expect(allowedDecisions({ ...s, status: "REJECTED" })).toEqual([]);
  });

  it("knows the language of common file names", () => {
    expect(["a/b.tsx", "pom.xml", "Dockerfile", "x.unknown", "ci.yml"].map(languageOf)).toEqual(["tsx", "xml", "docker", null, "yaml"]);
  });
});
