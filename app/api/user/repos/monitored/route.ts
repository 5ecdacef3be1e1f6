import { db } from "@/server/db/client";
import { restHandler } from "@/server/http/rest-handler";
import { listMonitoredRepos } from "@/server/repos/list-monitored-repos";

export const GET = restHandler(({ user }) => listMonitoredRepos(db(), { userId: user.id }));
