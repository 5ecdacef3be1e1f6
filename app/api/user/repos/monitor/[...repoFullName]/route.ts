import { assertRepoAccess } from "@/server/access";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { configuredAppUrl } from "@/server/http/app-url";
import { restHandler } from "@/server/http/rest-handler";
import { logger } from "@/server/logger";
import { unmonitorRepo } from "@/server/repos/unmonitor-repo";
import { userGitHub } from "@/server/repos/user-github";

// DELETE /api/user/repos/monitor/owner/repo (or owner%2Frepo).
export const DELETE = restHandler<{ repoFullName: string[] }>(async ({ user, params }) => {
  const repoFullName = params.repoFullName.map(decodeURIComponent).join("/");
  await assertRepoAccess(user, repoFullName, "read");
  await unmonitorRepo({ db: db(), github: await userGitHub(db(), user.id), log: logger("repos"), userId: user.id, repoFullName, appUrl: configuredAppUrl(env()) });
  return { ok: true };
});
