import { db } from "@/server/db/client";
import { optionalParam, restHandler } from "@/server/http/rest-handler";
import { getSecurityStats } from "@/server/security/read-scans";

export const GET = restHandler(({ query, user }) => getSecurityStats(db(), user, { repo: optionalParam(query, "repo"), branch: optionalParam(query, "branch") }));
