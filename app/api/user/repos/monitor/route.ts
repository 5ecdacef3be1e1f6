import { assertRepoAccess } from "@/server/access";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { appUrl } from "@/server/http/app-url";
import { jsonBody, restHandler } from "@/server/http/rest-handler";
import { logger } from "@/server/logger";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { userGitHub } from "@/server/repos/user-github";

// body: { "repoFullName": "owner/repo", "repoUrl": "..." } (repoUrl is taken from GitHub instead).
export const POST = restHandler(async ({ req, user }) => {
  const { repoFullName } = await jsonBody(req);
  if (typeof repoFullName !== "string") throw new AppError("BAD_REQUEST", "repoFullName (owner/repo) is required");
  await assertRepoAccess(user, repoFullName, "admin");
  return monitorRepo({
    db: db(), github: await userGitHub(db(), user.id), log: logger("repos"), userId: user.id, repoFullName,
    appUrl: appUrl(env()),
  });
});
