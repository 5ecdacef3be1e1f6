// GitHub's OAuth web flow as next-auth 4's GitHub provider drives it: authorize → callback with code
// and state → token (JSON when asked, never an id_token) → /api/v3/user with an email.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoSeed } from "./index";
import { startTestSimulator } from "./test-support/sim-fixture";

const callback = "http://localhost:3000/api/auth/callback/github";

describe("OAuth", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let seed: DemoSeed;

  beforeAll(async () => {
    sim = await startTestSimulator();
    seed = await sim.seedDemo();
  });

  afterAll(async () => sim?.remove());

  const authorizeUrl = (redirect = callback) =>
    `${sim.oauth.authorizeUrl}?${new URLSearchParams({ client_id: seed.oauthApp.clientId, redirect_uri: redirect, state: "st4te", scope: "read:user user:email", response_type: "code" })}`;

  async function codeFromConsent(): Promise<string> {
    const page = await fetch(authorizeUrl());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Authorize InfraFlow (demo)");
    const fields = Object.fromEntries([...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))]));
    const approved = await fetch(sim.oauth.authorizeUrl, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get("state")).toBe("st4te");
    return location.searchParams.get("code")!;
  }

  it("exchanges a code for a token whose user has id, login, name, avatar and email", async () => {
    const code = await codeFromConsent();
    const response = await fetch(sim.oauth.tokenUrl, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret, code, redirect_uri: callback }),
    });
    const token = (await response.json()) as Record<string, string>;
    expect(token).toMatchObject({ token_type: "bearer", scope: "read:user user:email" });
    expect(token).not.toHaveProperty("id_token");
    const user = (await (await fetch(sim.oauth.userInfoUrl, { headers: { authorization: `Bearer ${token.access_token}` } })).json()) as Record<string, unknown>;
    expect(user).toMatchObject({ login: seed.user.login, name: seed.user.name, email: seed.user.email, id: expect.any(Number), avatar_url: expect.stringMatching(/^http/) });

    const reused = await fetch(sim.oauth.tokenUrl, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret, code }),
    });
    expect(await reused.json()).toMatchObject({ error: "bad_verification_code" });
  });

  it("answers form-encoded unless JSON is asked for, and refuses a wrong secret", async () => {
    const code = await codeFromConsent();
    const form = await fetch(sim.oauth.tokenUrl, { method: "POST", body: new URLSearchParams({ client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret, code }) });
    const params = new URLSearchParams(await form.text());
    expect(params.get("access_token")).toMatch(/^gho_/);
    const wrong = await fetch(sim.oauth.tokenUrl, { method: "POST", headers: { accept: "application/json" }, body: new URLSearchParams({ client_id: seed.oauthApp.clientId, client_secret: "nope", code: "x" }) });
    expect(await wrong.json()).toMatchObject({ error: "incorrect_client_credentials" });
  });

  it("accepts the client credentials in an HTTP Basic header (client_secret_basic, openid-client's default)", async () => {
    const code = await codeFromConsent();
    const basic = Buffer.from(`${seed.oauthApp.clientId}:${seed.oauthApp.clientSecret}`).toString("base64");
    const response = await fetch(sim.oauth.tokenUrl, {
      method: "POST",
      headers: { accept: "application/json", authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: callback }),
    });
    const token = (await response.json()) as Record<string, string>;
    expect(token.access_token).toMatch(/^gho_/);
    const wrongBasic = Buffer.from(`${seed.oauthApp.clientId}:nope`).toString("base64");
    const refused = await fetch(sim.oauth.tokenUrl, { method: "POST", headers: { accept: "application/json", authorization: `Basic ${wrongBasic}` }, body: new URLSearchParams({ code: "x" }) });
    expect(await refused.json()).toMatchObject({ error: "incorrect_client_credentials" });
  });

  it("refuses callbacks that are not on localhost", async () => {
    const response = await fetch(authorizeUrl("https://attacker.example/callback"), { redirect: "manual" });
    expect(response.status).toBe(400);
  });

  it("skips the consent page when started with autoApproveOAuth", async () => {
    const auto = await startTestSimulator({ autoApproveOAuth: true });
    try {
      const autoSeed = await auto.seedDemo();
      const url = `${auto.oauth.authorizeUrl}?${new URLSearchParams({ client_id: autoSeed.oauthApp.clientId, redirect_uri: "http://127.0.0.1:4567/cb", state: "s" })}`;
      const response = await fetch(url, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!).searchParams.get("code")).toMatch(/^[0-9a-f]+$/);
    } finally {
      await auto.remove();
    }
  });
});
