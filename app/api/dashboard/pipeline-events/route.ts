import { listPipelineEvents } from "@/server/dashboard/list-pipeline-events";
import { db } from "@/server/db/client";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(async ({ req, query, user }) =>
  pageResponse(req, await listPipelineEvents(db(), user, { repo: optionalParam(query, "repo"), branch: optionalParam(query, "branch"), ...pageQuery(query) })),
);
