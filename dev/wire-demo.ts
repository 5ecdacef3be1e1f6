// The demo a newcomer sees: the simulator's demo user known to InfraFlow, every demo repository monitored
// (webhook installed through the API, like the Monitor button does, for the URL the app calls itself, so
// restarts reconcile to the same single hook), and, on the first start only, one repository broken so
// that its CI fails.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { upsertUser } from "../server/auth/upsert-user";
import { db } from "../server/db/client";
import { githubClient } from "../server/github/octokit";
import { monitorRepo } from "../server/repos/monitor-repo";
import type { GitHubSimulator } from "../tools/github-sim";

export async function wireDemo(o: { sim: GitHubSimulator; appUrl: string; dataDir: string; token: string }) {
  const github = githubClient(o.token, o.sim.url);
  const { data: me } = await github.rest.users.getAuthenticated();
  const user = await upsertUser(
    db(),
    { githubId: BigInt(me.id), login: me.login, name: me.name ?? null, avatarUrl: me.avatar_url, email: me.email ?? null },
    { accessToken: o.token, tokenType: "bearer", scope: "repo" },
  );
  const seed = await o.sim.seedDemo();
  const log = pino({ level: "warn" });
  const monitored = [];
  for (const repo of seed.repositories) {
    monitored.push(await monitorRepo({ db: db(), github, log, userId: user.id, repoFullName: repo.fullName, appUrl: o.appUrl }));
  }
  const marker = path.join(o.dataDir, "demo-broken");
  let broke: string | undefined;
  if (!existsSync(marker)) {
    const result = await o.sim.breakRepository({ scenario: "failing-test" });
    broke = result.repository;
    writeFileSync(marker, `${new Date().toISOString()} failing-test\n`);
  }
  return { monitored, broke };
}
