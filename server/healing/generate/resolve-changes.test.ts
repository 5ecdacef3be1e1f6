import { describe, expect, it } from "vitest";
import { applyModelDiff } from "./apply-model-diff";
import { normalizeRepoPath } from "./normalize-repo-path";
import type { FileRead } from "./repo-snapshot";
import { resolveChanges } from "./resolve-changes";

const source = ["function total(items) {", "  let sum = 0;", "  for (const i of items) sum += i.price;", "", "  return sum;", "}", ""].join("\n");

describe("applyModelDiff", () => {
  it("applies a correct diff", () => {
    const diff = "--- a/x.js\n+++ b/x.js\n@@ -2,4 +2,4 @@\n   let sum = 0;\n-  for (const i of items) sum += i.price;\n+  for (const i of items) sum += i.price * i.quantity;\n \n   return sum;\n";
    expect(applyModelDiff(source, diff)).toEqual({ ok: true, content: source.replace("i.price;", "i.price * i.quantity;") });
  });

  it("recounts wrong hunk counts, reads a bare blank line as blank context, and finds a hunk at another line", () => {
    // Header says line 40 and wrong counts; the blank context line lost its leading space.
    const diff = "@@ -40,9 +40,2 @@\n   let sum = 0;\n-  for (const i of items) sum += i.price;\n+  for (const i of items) sum += i.price * i.quantity;\n\n   return sum;\n";
    expect(applyModelDiff(source, diff)).toEqual({ ok: true, content: source.replace("i.price;", "i.price * i.quantity;") });
  });

  it("accepts the Index:/==== header of `diff -u` style patches", () => {
    const diff = "Index: x.js\n===================================================================\n--- x.js\n+++ x.js\n@@ -5,1 +5,1 @@\n-  return sum;\n+  return Math.round(sum);\n";
    expect(applyModelDiff(source, diff)).toMatchObject({ ok: true });
  });

  it("names the first hunk that does not match instead of placing it somewhere else", () => {
    const diff = "@@ -1,2 +1,2 @@\n function total(items) {\n-  let sum = 0;\n+  let sum = 1;\n@@ -5,1 +5,1 @@\n-  return total;\n+  return sum;\n";
    expect(applyModelDiff(source, diff)).toEqual({ ok: false, reason: "hunk 2 (@@ -5,1 +5,1 @@) does not match the file at the failing commit" });
  });

  it.each([
    ["a diff of two files", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n", /holds 2 files/],
    ["prose instead of a diff", "Change the loop to multiply by quantity.", /starts with "Change the loop/],
    ["a line that is not part of a hunk", "@@ -1,1 +1,1 @@\n-function total(items) {\n+function total(items, tax) {\n*oops\n", /neither context, removal nor addition/],
    ["headers without hunks", "--- a/x.js\n+++ b/x.js\n", /no hunks/],
  ])("refuses %s", (_what, diff, reason) => {
    const result = applyModelDiff(source, diff);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe("normalizeRepoPath", () => {
  it.each([
    ["src/app.ts", "src/app.ts"],
    ["./src//app.ts", "src/app.ts"],
    ["src/./lib/x.py", "src/lib/x.py"],
    [".github/workflows/ci.yml", ".github/workflows/ci.yml"],
    [".gitignore", ".gitignore"],
  ])("keeps %s as %s", (raw, path) => {
    expect(normalizeRepoPath(raw)).toEqual({ ok: true, path });
  });

  it.each([
    ["/etc/passwd", "path-outside-repo"],
    ["~/.ssh/authorized_keys", "path-outside-repo"],
    ["C:/Windows/win.ini", "path-outside-repo"],
    ["file:///etc/hosts", "path-outside-repo"],
    ["../secrets.env", "path-outside-repo"],
    ["src/../../x", "path-outside-repo"],
    [".git/config", "path-outside-repo"],
    ["sub/.GIT/hooks/pre-commit", "path-outside-repo"],
    ["src\\app.ts", "invalid-output"],
    ["src/app.ts\n", "invalid-output"],
    ["./", "invalid-output"],
  ])("refuses %j (%s)", (raw, kind) => {
    expect(normalizeRepoPath(raw)).toMatchObject({ ok: false, kind });
  });
});

describe("resolveChanges", () => {
  const files: Record<string, string> = { "src/a.js": "const a = 1;\n", "src/big.js": "x\n".repeat(1000), "README.md": "# r\n" };
  const snapshot = {
    paths: new Set(Object.keys(files)),
    truncated: false,
    read: async (p: string): Promise<FileRead> => (p in files ? { ok: true, content: files[p]! } : { ok: false, reason: "not in the repository at the failing commit", bytes: 0, missing: true }),
  };
  const shown = new Map([["src/a.js", { complete: true }], ["src/big.js", { complete: false }]]);

  it("resolves every action to whole files with the content before the fix", async () => {
    const result = await resolveChanges(
      [
        { path: "a/src/a.js", action: "modify", diff: "@@ -1 +1 @@\n-const a = 1;\n+const a = 2;\n" },
        { path: "src/new.js", action: "create", content: "export {};\n" },
        { path: "README.md", action: "delete" },
      ],
      snapshot,
      shown,
    );
    expect(result).toEqual({
      ok: true,
      changes: [
        { path: "src/a.js", action: "modify", content: "const a = 2;\n", originalContent: "const a = 1;\n" },
        { path: "src/new.js", action: "create", content: "export {};\n", originalContent: null },
        { path: "README.md", action: "delete", content: "", originalContent: "# r\n" },
      ],
    });
  });

  it("refuses whole content for a file the prompt showed only in part, which would drop the rest of it", async () => {
    const result = await resolveChanges([{ path: "src/big.js", action: "modify", content: "x\n" }], snapshot, shown);
    expect(result).toMatchObject({ ok: false, kind: "invalid-output", reason: expect.stringMatching(/^src\/big\.js: whole new content was given for a file the prompt showed only in part/) });
  });

  it.each([
    [[{ path: "src/a.js", action: "create" as const, content: "x" }], "invalid-output", /already exists/],
    [[{ path: "src/gone.js", action: "delete" as const }], "patch-does-not-apply", /does not exist at the failing commit/],
    [[{ path: "src/a.js", action: "modify" as const, content: "const a = 3;\n" }, { path: "./src/a.js", action: "delete" as const }], "invalid-output", /changed twice/],
  ])("refuses %j", async (changes, kind, reason) => {
    const result = await resolveChanges(changes, snapshot, shown);
    expect(result).toMatchObject({ ok: false, kind });
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
