import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { restHandler } from "@/server/http/rest-handler";
import { listScans } from "@/server/security/read-scans";

export const GET = restHandler<{ sha: string }>(({ params, user }) => {
  if (!/^[0-9a-f]{7,64}$/i.test(params.sha)) throw new AppError("BAD_REQUEST", "sha must be a hexadecimal commit SHA");
  return listScans(db(), user, { commitSha: params.sha.toLowerCase() });
});
