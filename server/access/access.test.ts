// The access rule against the GitHub simulator: GitHub's answer for the user's own token decides, private
// repositories are not found for strangers, read-only collaborators read but do not push, and the cached
// answer is asked again once older than ACCESS_CACHE_TTL_SECONDS (or at once after refreshRepoAccess).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateRepoWithPeople } from "@/test/access-fixture";
import { useTestDatabase } from "@/test/database";
import { freePort } from "@/test/global-setup";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { AppError } from "../errors";
import { assertRepoAccess, canAccessRepo, readableRepoNames, refreshRepoAccess } from "./index";

describe("repository access from GitHub", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let people: Awaited<ReturnType<typeof privateRepoWithPeople>>;
  beforeAll(async () => {
    sim = await startTestSimulator();
    await sim.seedDemo();
    Object.assign(process.env, { GITHUB_URL: sim.url, ACCESS_CACHE_TTL_SECONDS: "300" });
    resetEnvForTests();
  });
  useTestDatabase();
  beforeAll(async () => {
    people = await privateRepoWithPeople(sim, "acc");
  });
  afterAll(async () => sim?.remove());

  const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

  it("decides read, push and admin from the repository's permissions for the user's token", async () => {
    const { owner, reader, writer, stranger, repo } = people;
    expect(await code(assertRepoAccess(stranger, repo, "read"))).toBe("NOT_FOUND");
    expect(await code(assertRepoAccess(reader, repo, "read"))).toBe("OK");
    expect(await code(assertRepoAccess(reader, repo, "push"))).toBe("FORBIDDEN");
    expect(await code(assertRepoAccess(writer, repo, "push"))).toBe("OK");
    expect(await code(assertRepoAccess(writer, repo, "admin"))).toBe("FORBIDDEN");
    expect(await code(assertRepoAccess(owner, repo, "admin"))).toBe("OK");
    expect(await code(assertRepoAccess(owner, "nobody/nothing", "read"))).toBe("NOT_FOUND");
    expect(await code(assertRepoAccess(owner, "not a repo", "read"))).toBe("NOT_FOUND");
  });

  it("lists exactly the repositories GitHub lists for the user", async () => {
    const { owner, reader, stranger, repo, strangerRepo } = people;
    expect(await readableRepoNames(owner)).toContain(repo);
    expect(await readableRepoNames(reader)).toContain(repo);
    expect(await readableRepoNames(stranger)).toEqual([strangerRepo]);
    expect(await readableRepoNames(owner)).not.toContain(strangerRepo);
  });

  it("a user without a stored token reads nothing", async () => {
    const ghost = await db().user.create({ data: { githubId: 123_456_789n, login: "ghost" } });
    const viewer = { id: ghost.id, login: "ghost" };
    expect(await readableRepoNames(viewer)).toEqual([]);
    expect(await canAccessRepo(viewer, "infraflow-demo/payments-api", "read")).toBe(false);
  });

  it("a collaborator removed on GitHub loses access once the cached answer is older than the TTL", async () => {
    const { reader, repo } = people;
    expect(await canAccessRepo(reader, repo, "read")).toBe(true);
    expect(await readableRepoNames(reader)).toContain(repo);
    await sim.setCollaborator({ repository: repo, login: reader.login, permission: null });
    // Within the TTL the cached answer stands (no GitHub call per read)…
    expect(await canAccessRepo(reader, repo, "read")).toBe(true);
    // …and once it is older than the TTL, GitHub is asked again.
    const past = new Date(Date.now() - 301_000);
    await db().repoAccess.updateMany({ where: { userId: reader.id }, data: { checkedAt: past } });
    await db().repoAccessSync.updateMany({ where: { userId: reader.id }, data: { syncedAt: past } });
    expect(await code(assertRepoAccess(reader, repo, "read"))).toBe("NOT_FOUND");
    expect(await readableRepoNames(reader)).not.toContain(repo);
  });

  it("refreshRepoAccess (sign-in, a 404/403 from GitHub) forgets the answer at once", async () => {
    const { writer, repo } = people;
    expect(await canAccessRepo(writer, repo, "push")).toBe(true);
    await sim.setCollaborator({ repository: repo, login: writer.login, permission: "pull" });
    expect(await canAccessRepo(writer, repo, "push")).toBe(true);
    await refreshRepoAccess(writer, repo);
    expect(await code(assertRepoAccess(writer, repo, "push"))).toBe("FORBIDDEN");
    await sim.setCollaborator({ repository: repo, login: writer.login, permission: "push" });
    await refreshRepoAccess(writer);
    expect(await canAccessRepo(writer, repo, "push")).toBe(true);
  });

  it("an organisation member with the base role reads the org's private repositories but cannot push", async () => {
    const { stranger } = people;
    await sim.setOrgMember({ org: "infraflow-demo", login: stranger.login, role: "member" });
    await refreshRepoAccess(stranger);
    expect(await readableRepoNames(stranger)).toContain("infraflow-demo/payments-api");
    expect(await code(assertRepoAccess(stranger, "infraflow-demo/payments-api", "push"))).toBe("FORBIDDEN");
    await sim.setOrgMember({ org: "infraflow-demo", login: stranger.login, role: null });
    await refreshRepoAccess(stranger);
    expect(await readableRepoNames(stranger)).not.toContain("infraflow-demo/payments-api");
  });

  it("fails closed when GitHub cannot be asked: an error for assertRepoAccess, no for canAccessRepo", async () => {
    const { owner, repo } = people;
    await refreshRepoAccess(owner);
    process.env.GITHUB_URL = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    resetEnvForTests();
    try {
      expect(await code(assertRepoAccess(owner, repo, "read"))).toBe("UPSTREAM");
      expect(await canAccessRepo(owner, repo, "read")).toBe(false);
      expect(await code(readableRepoNames(owner))).toBe("UPSTREAM");
    } finally {
      process.env.GITHUB_URL = sim.url;
      resetEnvForTests();
    }
    expect(await canAccessRepo(owner, repo, "admin")).toBe(true);
  });
});
