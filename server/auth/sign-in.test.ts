// Who may sign in (AUTH_ALLOWED_ORGS / AUTH_ALLOWED_USERS, organisation membership asked of the simulator
// with the user's token), the refusal redirect, and sessions the server ends: signing out revokes the
// session id, so the same cookie no longer signs anyone in.
import { encode } from "next-auth/jwt";
import type { Account, Profile } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { db } from "../db/client";
import { env, parseEnv, resetEnvForTests } from "../env";
import { authOptions } from "./auth-options";
import { authSecret } from "./auth-secret";
import { withRequestCookies } from "./request-cookies";
import { currentUser, sessionCookieName } from "./session";
import { decideSignIn } from "./sign-in-policy";

describe("sign-in", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let member: { login: string; token: string };
  let outsider: { login: string; token: string };
  beforeAll(async () => {
    sim = await startTestSimulator();
    await sim.seedDemo();
    member = await sim.createUser({ login: "org-member" });
    outsider = await sim.createUser({ login: "outsider" });
    await sim.setOrgMember({ org: "infraflow-demo", login: member.login, role: "member" });
    Object.assign(process.env, { GITHUB_URL: sim.url, NEXTAUTH_SECRET: "sign-in-test-secret" });
    resetEnvForTests();
  });
  useTestDatabase();
  afterAll(async () => {
    delete process.env.AUTH_ALLOWED_ORGS;
    delete process.env.AUTH_ALLOWED_USERS;
    resetEnvForTests();
    await sim?.remove();
  });

  const settings = (vars: Record<string, string>) => parseEnv({ GITHUB_URL: sim.url, ...vars });

  it("lets anyone in when both allow-lists are empty", async () => {
    expect(await decideSignIn(settings({}), outsider.login, outsider.token)).toEqual({ allowed: true });
  });

  it("lets in listed users (any case) and members of listed organisations; refuses the rest", async () => {
    const e = settings({ AUTH_ALLOWED_ORGS: "Other-Org, infraflow-demo", AUTH_ALLOWED_USERS: "Someone,OUTSIDER" });
    expect(await decideSignIn(e, member.login, member.token)).toEqual({ allowed: true });
    expect(await decideSignIn(e, outsider.login, outsider.token)).toEqual({ allowed: true });
    const orgsOnly = settings({ AUTH_ALLOWED_ORGS: "infraflow-demo" });
    expect(await decideSignIn(orgsOnly, outsider.login, outsider.token)).toEqual({ allowed: false, reason: "not-allowed" });
    expect(await decideSignIn(settings({ AUTH_ALLOWED_USERS: "someone" }), member.login, member.token)).toEqual({ allowed: false, reason: "not-allowed" });
  });

  it("refuses when membership cannot be checked (revoked token)", async () => {
    expect(await decideSignIn(settings({ AUTH_ALLOWED_ORGS: "infraflow-demo" }), member.login, "gho_revoked")).toEqual({ allowed: false, reason: "org-check-failed" });
  });

  it("sends a refused sign-in to the refusal page, and asks for read:org when organisations are listed", async () => {
    process.env.AUTH_ALLOWED_ORGS = "infraflow-demo";
    resetEnvForTests();
    const options = authOptions();
    const refused = await options.callbacks!.signIn!({ user: { id: "1" }, account: { access_token: outsider.token } as Account, profile: { login: outsider.login } as unknown as Profile });
    expect(refused).toBe("/signin/refused?login=outsider&reason=not-allowed");
    const allowed = await options.callbacks!.signIn!({ user: { id: "1" }, account: { access_token: member.token } as Account, profile: { login: member.login } as unknown as Profile });
    expect(allowed).toBe(true);
    const provider = options.providers[0] as unknown as { options: { authorization: { params: { scope: string } } } };
    expect(provider.options.authorization.params.scope).toContain("read:org");
    delete process.env.AUTH_ALLOWED_ORGS;
    resetEnvForTests();
  });

  it("signing in starts a server-side session and refreshes repository access; signing out revokes it so the cookie stops working", async () => {
    const options = authOptions();
    const profile = { id: 777, login: member.login, name: "Member", avatar_url: null, email: null } as unknown as Profile;
    const token = (await options.callbacks!.jwt!({ token: {} as JWT, account: { access_token: member.token, provider: "github", type: "oauth", providerAccountId: "777" } as Account, profile, user: { id: "777" } })) as JWT;
    expect(typeof token.sid).toBe("string");
    const userId = BigInt(token.uid as string);
    // Sign-in forgot what GitHub said before (it may have changed).
    await db().repoAccess.create({ data: { userId, repoKey: "x/y", repoFullName: "x/y", permission: "admin", checkedAt: new Date() } });
    await options.callbacks!.jwt!({ token: {} as JWT, account: { access_token: member.token, provider: "github", type: "oauth", providerAccountId: "777" } as Account, profile, user: { id: "777" } });
    expect(await db().repoAccess.count({ where: { userId } })).toBe(0);

    const cookie = `${sessionCookieName()}=${await encode({ token, secret: authSecret(env())! })}`;
    expect(await withRequestCookies(cookie, currentUser)).toMatchObject({ id: userId, login: member.login });
    const session = await options.callbacks!.session!({ session: { expires: "x", user: {} } as never, token, user: {} as never, newSession: undefined, trigger: "update" });
    expect(session.user).toMatchObject({ id: userId.toString() });

    await options.events!.signOut!({ token, session: undefined as never });
    expect(await withRequestCookies(cookie, currentUser)).toBeNull();
    const after = await options.callbacks!.session!({ session: { expires: "x", user: {} } as never, token, user: {} as never, newSession: undefined, trigger: "update" });
    expect(after.user).toBeUndefined();
  });

  it("a cookie without a server-side session, or signed with another secret, signs nobody in", async () => {
    const user = await db().user.create({ data: { githubId: 99_001n, login: "forger" } });
    const noSid = await encode({ token: { uid: user.id.toString(), login: "forger" }, secret: authSecret(env())! });
    expect(await withRequestCookies(`${sessionCookieName()}=${noSid}`, currentUser)).toBeNull();
    const other = await encode({ token: { uid: user.id.toString(), login: "forger", sid: "made-up" }, secret: "another-secret" });
    expect(await withRequestCookies(`${sessionCookieName()}=${other}`, currentUser)).toBeNull();
  });

  it("an allow-list holds for sessions already started: someone removed from the organisation is signed out within the TTL", async () => {
    const leaver = await sim.createUser({ login: "leaver" });
    await sim.setOrgMember({ org: "infraflow-demo", login: "leaver", role: "member" });
    Object.assign(process.env, { AUTH_ALLOWED_ORGS: "infraflow-demo", ACCESS_CACHE_TTL_SECONDS: "0" });
    resetEnvForTests();
    try {
      const options = authOptions();
      const profile = { id: 778, login: "leaver", name: null, avatar_url: null, email: null } as unknown as Profile;
      const account = { access_token: leaver.token, provider: "github", type: "oauth", providerAccountId: "778" } as Account;
      expect(await options.callbacks!.signIn!({ user: { id: "778" }, account, profile })).toBe(true);
      const token = (await options.callbacks!.jwt!({ token: {} as JWT, account, profile, user: { id: "778" } })) as JWT;
      const cookie = `${sessionCookieName()}=${await encode({ token, secret: authSecret(env())! })}`;
      expect(await withRequestCookies(cookie, currentUser)).toMatchObject({ login: "leaver" });
      await sim.setOrgMember({ org: "infraflow-demo", login: "leaver", role: null });
      expect(await withRequestCookies(cookie, currentUser)).toBeNull();
    } finally {
      delete process.env.AUTH_ALLOWED_ORGS;
      delete process.env.ACCESS_CACHE_TTL_SECONDS;
      resetEnvForTests();
    }
  });
});
