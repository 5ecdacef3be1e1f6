import type { FailureType } from "@/server/analysis/failure-types";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { optionalParam, restHandler } from "@/server/http/rest-handler";
import { listPatternsPage } from "@/server/knowledge/list-patterns";

export const GET = restHandler(async ({ req, query }) =>
  pageResponse(req, await listPatternsPage({ failureType: optionalParam(query, "failureType") as FailureType | undefined, ...pageQuery(query) })),
);
