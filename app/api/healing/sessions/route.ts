import { db } from "@/server/db/client";
import { listSessions } from "@/server/healing/read-sessions";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(async ({ req, query, user }) =>
  pageResponse(req, await listSessions(db(), user, { repo: optionalParam(query, "repo"), status: optionalParam(query, "status"), ...pageQuery(query) })),
);
