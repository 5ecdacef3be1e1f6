import { listPipelineEvents } from "@/server/dashboard/list-pipeline-events";
import { db } from "@/server/db/client";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(async ({ req, query }) =>
  pageResponse(req, await listPipelineEvents(db(), { repo: optionalParam(query, "repo"), branch: optionalParam(query, "branch"), ...pageQuery(query) })),
);
