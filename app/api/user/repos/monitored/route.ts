import { db } from "@/server/db/client";
import { pageQuery, pageResponse } from "@/server/http/pagination";
import { restHandler } from "@/server/http/rest-handler";
import { listMonitoredRepos } from "@/server/repos/list-monitored-repos";

export const GET = restHandler(async ({ req, query, user }) => pageResponse(req, await listMonitoredRepos(db(), user, { mine: true, ...pageQuery(query) })));
