"use server";
// Monitor / Stop Monitoring (runbook §3.3): server actions over the same domain functions as the REST API.
import { currentUser } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { appUrl, configuredAppUrl } from "@/server/http/app-url";
import { logger } from "@/server/logger";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { unmonitorRepo } from "@/server/repos/unmonitor-repo";
import { userGitHub } from "@/server/repos/user-github";

type ActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

async function run<T>(fn: (userId: bigint) => Promise<T>): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in with GitHub first" };
  try {
    return { ok: true, value: await fn(user.id) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: err.message };
    logger("repos").error({ err }, "Repository action failed");
    return { ok: false, error: "Something went wrong; see the server log" };
  }
}

export async function monitorRepoAction(repoFullName: string) {
  return run(async (userId) =>
    monitorRepo({ db: db(), github: await userGitHub(db(), userId), log: logger("repos"), userId, repoFullName, appUrl: appUrl(env()) }),
  );
}

export async function unmonitorRepoAction(repoFullName: string) {
  return run(async (userId) =>
    unmonitorRepo({ db: db(), github: await userGitHub(db(), userId), log: logger("repos"), userId, repoFullName, appUrl: configuredAppUrl(env()) }),
  );
}
