import { listPipelineEvents } from "@/server/dashboard/list-pipeline-events";
import { db } from "@/server/db/client";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(({ query }) => listPipelineEvents(db(), { repo: optionalParam(query, "repo"), branch: optionalParam(query, "branch") }));
