import type { FailureType } from "@/server/analysis/failure-types";
import { optionalParam, restHandler } from "@/server/http/rest-handler";
import { listPatterns } from "@/server/knowledge/list-patterns";

export const GET = restHandler(({ query }) => listPatterns({ failureType: optionalParam(query, "failureType") as FailureType | undefined }));
