// Credentials at rest: AES-256-GCM round trip, a wrong key is a clear error (never garbage), tampering is
// detected, the development key is generated once under DATA_DIR, and GitHub tokens and webhook secrets are
// stored sealed.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { githubTokenOf, upsertUser } from "../auth/upsert-user";
import { db } from "../db/client";
import { parseEnv, resetEnvForTests } from "../env";
import { openWebhookSecret, sealWebhookSecret } from "../webhooks/webhook-secret";
import { createSecretBox, encryptionKey, keyIdOf, SecretBoxError } from "./secret-box";
import { openCredential } from "./sealed-credentials";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it("round-trips, with a fresh IV each time, and the sealed text shows nothing of the plaintext", () => {
    const token = "gho_0123456789abcdefSECRET";
    const a = box.seal(token);
    const b = box.seal(token);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc:v1:[0-9a-f]{12}:/);
    expect(a).not.toContain("SECRET");
    expect(box.open(a)).toBe(token);
    expect(box.open(b)).toBe(token);
    expect(box.open(box.seal(""))).toBe("");
  });

  it("refuses a value sealed with another key with an error naming both keys, not garbage", () => {
    const other = createSecretBox(randomBytes(32));
    const sealed = other.seal("gho_secret");
    let error: unknown;
    try {
      box.open(sealed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretBoxError);
    expect((error as Error).message).toContain(`sealed with key ${other.keyId}`);
    expect((error as Error).message).toContain(`TOKEN_ENCRYPTION_KEY is key ${box.keyId}`);
    expect((error as Error).message).not.toContain("gho_secret");
  });

  it("detects tampering (and a forged key id) by the GCM tag", () => {
    const sealed = box.seal("gho_secret");
    const parts = sealed.split(":");
    const data = Buffer.from(parts[5]!, "base64url");
    data[0]! ^= 1;
    parts[5] = data.toString("base64url");
    expect(() => box.open(parts.join(":"))).toThrow(/integrity check/);
    const forged = createSecretBox(randomBytes(32)).seal("x").replace(/^enc:v1:[0-9a-f]{12}/, `enc:v1:${keyIdOf(key)}`);
    expect(() => box.open(forged)).toThrow(/integrity check/);
  });

  it("reads values stored before encryption as they are", () => {
    expect(openCredential("plain-legacy-secret")).toBe("plain-legacy-secret");
  });
});

describe("TOKEN_ENCRYPTION_KEY", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("accepts 32 bytes as base64 or hex; anything else is named, never echoed", () => {
    const k = randomBytes(32);
    expect(encryptionKey(parseEnv({ TOKEN_ENCRYPTION_KEY: k.toString("base64") })).equals(k)).toBe(true);
    expect(encryptionKey(parseEnv({ TOKEN_ENCRYPTION_KEY: k.toString("hex") })).equals(k)).toBe(true);
    expect(encryptionKey(parseEnv({ TOKEN_ENCRYPTION_KEY: k.toString("base64url") })).equals(k)).toBe(true);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: "short-key-VALUE123" })).toThrow(/TOKEN_ENCRYPTION_KEY \(value not shown/);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: "short-key-VALUE123" })).not.toThrow(/VALUE123/);
  });

  it("is generated once under DATA_DIR in development and reused", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "infraflow-key-"));
    dirs.push(dir);
    const first = encryptionKey(parseEnv({ DATA_DIR: dir }));
    expect(first).toHaveLength(32);
    expect(encryptionKey(parseEnv({ DATA_DIR: dir })).equals(first)).toBe(true);
    expect((await readFile(path.join(dir, "token-encryption-key"), "utf8")).trim().length).toBeGreaterThanOrEqual(43);
  });

  it("is required in production", () => {
    expect(() => encryptionKey(parseEnv({ NODE_ENV: "production" }))).toThrow(/TOKEN_ENCRYPTION_KEY is required in production/);
  });
});

describe("credentials stored sealed", () => {
  useTestDatabase();

  it("keeps the GitHub OAuth token sealed in oauth_accounts and opens it for use", async () => {
    process.env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    resetEnvForTests();
    const user = await upsertUser(db(), { githubId: 42n, login: "octo", name: null, avatarUrl: null, email: null }, { accessToken: "gho_STORED_TOKEN" });
    const [row] = await db().$queryRaw<{ access_token: string }[]>`SELECT access_token FROM oauth_accounts WHERE user_id = ${user.id}`;
    expect(row!.access_token).toMatch(/^enc:v1:/);
    expect(row!.access_token).not.toContain("STORED_TOKEN");
    expect(await githubTokenOf(db(), user.id)).toBe("gho_STORED_TOKEN");

    // Another key: a clear error, not a garbage token sent to GitHub.
    process.env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    resetEnvForTests();
    await expect(githubTokenOf(db(), user.id)).rejects.toThrow(/sealed with key [0-9a-f]{12}, but TOKEN_ENCRYPTION_KEY is key/);
    delete process.env.TOKEN_ENCRYPTION_KEY;
    resetEnvForTests();
  });

  it("seals per-repository webhook secrets", () => {
    process.env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    resetEnvForTests();
    const sealed = sealWebhookSecret("whsec_VALUE");
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain("VALUE");
    expect(openWebhookSecret(sealed)).toBe("whsec_VALUE");
    delete process.env.TOKEN_ENCRYPTION_KEY;
    resetEnvForTests();
  });
});
