import { describe, expect, it } from "vitest";
import { findSecrets } from "./find-secrets";
import { maskSecret } from "./mask-secret";

const GITHUB_TOKEN = "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";
const SLACK = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";

describe("hard-coded secrets", () => {
  it("reports secretlint's findings with the secret masked, never raw", async () => {
    const text = `const gh = "${GITHUB_TOKEN}";\nconst slack = "${SLACK}";\n`;
    const found = await findSecrets("config.js", text);
    expect(found.map((f) => [f.line, f.scanner])).toEqual([[1, "secretlint"], [2, "secretlint"]]);
    expect(found[0]!.ruleId).toMatch(/^secretlint\.github/);
    expect(found[0]!.evidence).toBe("ghp_**************** (40 chars)");
    const serialised = JSON.stringify(found);
    expect(serialised).not.toContain(GITHUB_TOKEN);
    expect(serialised).not.toContain(SLACK);
    expect(serialised).not.toContain(GITHUB_TOKEN.slice(4, 12));
  });

  it("reports high-entropy values assigned to secret-like names, and not placeholders, env lookups or ordinary values", async () => {
    const text = [
      `const DB_PASSWORD = "Sup3rS3cret!2024";`,
      `AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`,
      `API_KEY=q8Zr2LxP0vN4mT7yK1sB`,
      `const password = process.env.DB_PASSWORD;`,
      `const tokenUrl = "https://example.com/oauth/token";`,
      `password: "changeme"`,
      `const keyName = "primaryAccountIdentifier";`,
      `secret_key = "aaaaaaaaaaaaaaaaaaaa"`,
      `const WEBHOOK_SECRET = "sim-webhook-secret";`,
    ].join("\n");
    const found = await findSecrets(".env.example", text);
    expect(found.map((f) => f.line)).toEqual([1, 2, 3]);
    expect(found[0]).toMatchObject({ ruleId: "secret.hardcoded-password", vulnerabilityType: "HARDCODED_SECRET", cwe: 798, evidence: "Sup3************ (16 chars)" });
    expect(JSON.stringify(found)).not.toContain("Sup3rS3cret");
  });

  it("masks short values completely", () => {
    expect(maskSecret("hunter2!")).toBe("******** (8 chars)");
    expect(maskSecret("abcdefghijkl")).toBe("ab********** (12 chars)");
  });
});
