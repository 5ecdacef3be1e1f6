import { listBranches } from "@/server/dashboard/list-pipeline-events";
import { db } from "@/server/db/client";
import { restHandler } from "@/server/http/rest-handler";
import { splitRepoFullName } from "@/server/repos/repo-name";

export const GET = restHandler<{ owner: string; repo: string }>(async ({ params, user }) => {
  const { owner, repo } = splitRepoFullName(`${params.owner}/${params.repo}`);
  return listBranches(db(), user, `${owner}/${repo}`);
});
