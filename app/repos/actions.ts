"use server";
// Monitor / Stop Monitoring (runbook §3.3): server actions over the same domain functions as the REST API.
import { assertRepoAccess } from "@/server/access";
import { currentUser, type SessionUser } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { appUrl, configuredAppUrl } from "@/server/http/app-url";
import { runAction } from "@/server/http/run-action";
import { logger } from "@/server/logger";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { unmonitorRepo } from "@/server/repos/unmonitor-repo";
import { userGitHub } from "@/server/repos/user-github";

const run = async <T>(fn: (user: SessionUser) => Promise<T>) => runAction(await currentUser(), "repos", fn);

/** Monitoring installs the repository's webhook: admin on GitHub. */
export async function monitorRepoAction(repoFullName: string) {
  return run(async (user) => {
    await assertRepoAccess(user, String(repoFullName), "admin");
    return monitorRepo({ db: db(), github: await userGitHub(db(), user.id), log: logger("repos"), userId: user.id, repoFullName, appUrl: appUrl(env()) });
  });
}

/** Stops the user's own monitoring (the webhook goes with the last one; GitHub checks that call itself). */
export async function unmonitorRepoAction(repoFullName: string) {
  return run(async (user) => {
    await assertRepoAccess(user, String(repoFullName), "read");
    return unmonitorRepo({ db: db(), github: await userGitHub(db(), user.id), log: logger("repos"), userId: user.id, repoFullName, appUrl: configuredAppUrl(env()) });
  });
}
