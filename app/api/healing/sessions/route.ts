import { db } from "@/server/db/client";
import { listSessions } from "@/server/healing/read-sessions";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(({ query }) => listSessions(db(), { repo: optionalParam(query, "repo"), status: optionalParam(query, "status") }));
