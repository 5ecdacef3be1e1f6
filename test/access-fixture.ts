// People for access-control tests: GitHub users in the simulator (a private repository's owner, a read-only
// collaborator, a push collaborator, a stranger) and their InfraFlow users with OAuth tokens, as signing in
// makes them. Call inside a test file that uses useTestDatabase().
import { upsertUser } from "@/server/auth/upsert-user";
import { db } from "@/server/db/client";
import type { GitHubSimulator } from "@/tools/github-sim";

export interface TestPerson {
  id: bigint;
  login: string;
  name: string | null;
  email: string | null;
  image: string | null;
  token: string;
}

let nextGithubId = 9_000_000;

export async function signedInPerson(sim: Pick<GitHubSimulator, "createUser">, login: string): Promise<TestPerson> {
  const { token } = await sim.createUser({ login });
  const user = await upsertUser(db(), { githubId: BigInt(nextGithubId++), login, name: login, avatarUrl: null, email: null }, { accessToken: token });
  return { id: user.id, login, name: login, email: null, image: null, token };
}

/** owner/private repository with a read-only collaborator, a push collaborator and a stranger. */
export async function privateRepoWithPeople(sim: GitHubSimulator, prefix: string) {
  const owner = await signedInPerson(sim, `${prefix}-owner`);
  const reader = await signedInPerson(sim, `${prefix}-reader`);
  const writer = await signedInPerson(sim, `${prefix}-writer`);
  const stranger = await signedInPerson(sim, `${prefix}-stranger`);
  const { fullName: repo } = await sim.createRepository({ owner: owner.login, name: "secret-service", private: true });
  const { fullName: strangerRepo } = await sim.createRepository({ owner: stranger.login, name: "own-service", private: true });
  await sim.setCollaborator({ repository: repo, login: reader.login, permission: "pull" });
  await sim.setCollaborator({ repository: repo, login: writer.login, permission: "push" });
  return { owner, reader, writer, stranger, repo, strangerRepo };
}
