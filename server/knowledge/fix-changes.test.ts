import { describe, expect, it } from "vitest";
import { fixContentHash, normalizeFixChanges } from "./fix-changes";

describe("fix changes", () => {
  it("computes a unified diff from the file before and after", () => {
    const [c] = normalizeFixChanges([{ path: "./src/a.ts", originalContent: "a\nb\n", content: "a\nB\n" }]);
    expect(c).toMatchObject({ path: "src/a.ts", content: "a\nB\n" });
    expect(c!.diff).toContain("-b\n+B");
  });

  it("keeps content alone for a new file and sorts by path", () => {
    const changes = normalizeFixChanges([
      { path: "z.txt", content: "new\n" },
      { path: "a.txt", diff: "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-x\n+y\n" },
    ]);
    expect(changes.map((c) => c.path)).toEqual(["a.txt", "z.txt"]);
    expect(changes[1]).toEqual({ path: "z.txt", content: "new\n" });
  });

  it("refuses paths outside the repository, duplicates and empty changes", () => {
    for (const path of ["/etc/passwd", "../x", "a/../../b", "C:/x", " "]) {
      expect(() => normalizeFixChanges([{ path, content: "x" }])).toThrow(/relative/);
    }
    expect(() => normalizeFixChanges([{ path: "a", content: "1" }, { path: "./a", content: "2" }])).toThrow(/twice/);
    expect(() => normalizeFixChanges([{ path: "a" }])).toThrow(/neither/);
    expect(() => normalizeFixChanges([])).toThrow(/at least one/);
  });

  it("identifies a fix by what it changes, not by its context lines or position", () => {
    const at = (prefix: string) =>
      normalizeFixChanges([{ path: "pom.xml", originalContent: `${prefix}<v>2.0</v>\n</x>\n`, content: `${prefix}<v>1.9</v>\n</x>\n` }]);
    const here = fixContentHash(at("<x>\n"));
    expect(fixContentHash(at("<!-- moved -->\n<x>\n<y/>\n"))).toBe(here);
    const other = normalizeFixChanges([{ path: "pom.xml", originalContent: "<v>2.0</v>\n", content: "<v>1.8</v>\n" }]);
    expect(fixContentHash(other)).not.toBe(here);
  });
});
