// The API the healing loop calls: whole files (a fix plan's changes), the env setting, bad input.
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import type { FixChange } from "../fix-plan";
import { checkFileChanges, checkPatch, fileVersionsOf, NotADiffError } from ".";
import { guardrailOptionsFromEnv } from "./options-from-env";
import { code } from "./testing/fix";

const testFile = code`
  import unittest


  class TestLedger(unittest.TestCase):
      def setUp(self):
          self.ledger = Ledger()

      def test_balance_starts_at_zero(self):
          self.assertEqual(self.ledger.balance(), 0)

      def test_deposit(self):
          self.ledger.deposit(5)
          self.assertEqual(self.ledger.balance(), 5)
`;

describe("checkFileChanges", () => {
  it("uses the whole file: a skip far from its test's declaration is attributed to that test", () => {
    const long = testFile.replace("        self.ledger.deposit(5)\n", `        self.ledger.deposit(5)\n${"        self.ledger.touch()\n".repeat(12)}        self.skipTest("later")\n`);
    const base = testFile.replace("        self.ledger.deposit(5)\n", `        self.ledger.deposit(5)\n${"        self.ledger.touch()\n".repeat(12)}`);
    const r = checkFileChanges([{ path: "tests/test_ledger.py", before: base, after: long }]);
    expect(r.verdict).toBe("block");
    expect(r.findings[0]).toMatchObject({ rule: "test-skipped", message: expect.stringContaining("test_deposit") });
  });

  it("checks a fix plan's changes (modify, create, delete)", () => {
    const changes: FixChange[] = [
      { path: "ledger/core.py", action: "modify", content: "def balance(x):\n    return x or 0\n", originalContent: "def balance(x):\n    return x\n" },
      { path: "tests/test_extra.py", action: "create", content: "def test_none():\n    assert balance(None) == 0\n" },
      { path: "tests/test_ledger.py", action: "delete", content: "", originalContent: testFile },
    ];
    const r = checkFileChanges(fileVersionsOf(changes));
    expect(r.findings.map((f) => [f.rule, f.path])).toEqual([["test-deleted", "tests/test_ledger.py"]]);
    expect(checkFileChanges(fileVersionsOf(changes.slice(0, 2))).verdict).toBe("pass");
  });

  it("treats CRLF line endings and a missing final newline as no change", () => {
    const crlf = testFile.replace(/\n/g, "\r\n").replace(/\r\n$/, "");
    expect(checkFileChanges([{ path: "tests/test_ledger.py", before: testFile, after: crlf }])).toEqual({ verdict: "pass", findings: [] });
  });

  it("rejects a file with neither version", () => {
    expect(() => checkFileChanges([{ path: "x", before: null, after: null }])).toThrow(/neither a before nor an after/);
  });
});

describe("checkPatch input", () => {
  it("throws NotADiffError for text that is not a diff, or a malformed hunk", () => {
    expect(() => checkPatch("just some words\n")).toThrow(NotADiffError);
    expect(() => checkPatch("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\nnot a diff line\n")).toThrow(NotADiffError);
  });

  it("accepts plain (non-git) unified diffs and renames without content changes", () => {
    expect(checkPatch("--- src/a.py\n+++ src/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n").verdict).toBe("pass");
    expect(checkPatch("diff --git a/tests/test_a.py b/tests/test_b.py\nsimilarity index 100%\nrename from tests/test_a.py\nrename to tests/test_b.py\n").verdict).toBe("pass");
  });
});

describe("HEALING_ALLOW_WORKFLOW_EDITS", () => {
  it("defaults to false and becomes the allowWorkflowEdits option", () => {
    expect(parseEnv({}).HEALING_ALLOW_WORKFLOW_EDITS).toBe(false);
    expect(guardrailOptionsFromEnv(parseEnv({}))).toEqual({ allowWorkflowEdits: false });
    expect(guardrailOptionsFromEnv(parseEnv({ HEALING_ALLOW_WORKFLOW_EDITS: "true" }))).toEqual({ allowWorkflowEdits: true });
    expect(() => parseEnv({ HEALING_ALLOW_WORKFLOW_EDITS: "sometimes" })).toThrow(/HEALING_ALLOW_WORKFLOW_EDITS/);
  });
});
