// Roles in the simulator as GitHub has them: a private repository is 404 to strangers, a read-only
// collaborator sees it with pull permissions and gets 403 on writes, an admin adds and removes collaborators
// over the REST API, and organisation members with the base role read but cannot administer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubClient } from "@/server/github/octokit";
import { startTestSimulator } from "./test-support/sim-fixture";

describe("simulator permissions", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  beforeAll(async () => {
    sim = await startTestSimulator();
    await sim.seedDemo();
  });
  afterAll(async () => sim?.remove());

  const status = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 0);

  it("hides private repositories from strangers and applies collaborator roles", async () => {
    const owner = githubClient((await sim.createUser({ login: "perm-owner" })).token, sim.url);
    const reader = githubClient((await sim.createUser({ login: "perm-reader" })).token, sim.url);
    await sim.createRepository({ owner: "perm-owner", name: "vault", private: true });
    const repo = { owner: "perm-owner", repo: "vault" };

    expect(await status(reader.rest.repos.get(repo))).toBe(404);
    expect((await reader.rest.repos.listForAuthenticatedUser()).data.map((r) => r.full_name)).not.toContain("perm-owner/vault");

    await owner.request("PUT /repos/{owner}/{repo}/collaborators/{username}", { ...repo, username: "perm-reader", permission: "pull" });
    const seen = (await reader.rest.repos.get(repo)).data;
    expect(seen.permissions).toMatchObject({ admin: false, push: false, pull: true });
    expect((await reader.rest.repos.listForAuthenticatedUser()).data.map((r) => r.full_name)).toContain("perm-owner/vault");
    expect(await status(reader.rest.git.createRef({ ...repo, ref: "refs/heads/x", sha: "0".repeat(40) }))).toBe(403);
    expect(await status(reader.rest.repos.listWebhooks(repo))).toBe(404);
    expect((await owner.rest.repos.get(repo)).data.permissions).toMatchObject({ admin: true, push: true, pull: true });

    await owner.request("DELETE /repos/{owner}/{repo}/collaborators/{username}", { ...repo, username: "perm-reader" });
    expect(await status(reader.rest.repos.get(repo))).toBe(404);
    // Only an admin manages collaborators.
    expect(await status(reader.request("PUT /repos/{owner}/{repo}/collaborators/{username}", { ...repo, username: "perm-reader", permission: "admin" }))).toBe(404);
  });

  it("gives organisation members with the base role pull on the organisation's repositories", async () => {
    const member = githubClient((await sim.createUser({ login: "perm-member" })).token, sim.url);
    await sim.setOrgMember({ org: "infraflow-demo", login: "perm-member", role: "member" });
    const repo = (await member.rest.repos.get({ owner: "infraflow-demo", repo: "payments-api" })).data;
    expect(repo.permissions).toMatchObject({ admin: false, push: false, pull: true });
    expect(await status(member.rest.repos.listWebhooks({ owner: "infraflow-demo", repo: "payments-api" }))).toBe(404);
    // The seeded second person: a read-only collaborator on payments-api.
    const reviewer = githubClient(await sim.createToken("demo-reviewer"), sim.url);
    expect((await reviewer.rest.repos.get({ owner: "infraflow-demo", repo: "payments-api" })).data.permissions).toMatchObject({ push: false, pull: true });
  });
});
