import type { FailureType } from "@/server/analysis/failure-types";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { optionalParam, restHandler } from "@/server/http/rest-handler";
import { visiblePatternsPage } from "@/server/knowledge/kb-visibility";

export const GET = restHandler(async ({ req, query, user }) =>
  pageResponse(req, await visiblePatternsPage(user, { failureType: optionalParam(query, "failureType") as FailureType | undefined, ...pageQuery(query) })),
);
