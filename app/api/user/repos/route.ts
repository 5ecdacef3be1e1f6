import { db } from "@/server/db/client";
import { restHandler } from "@/server/http/rest-handler";
import { listUserRepos } from "@/server/repos/list-user-repos";
import { userGitHub } from "@/server/repos/user-github";

export const GET = restHandler(async ({ user }) => listUserRepos(db(), await userGitHub(db(), user.id), user.id));
