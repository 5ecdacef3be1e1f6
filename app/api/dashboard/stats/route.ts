import { getDashboardStats } from "@/server/dashboard/get-dashboard-stats";
import { db } from "@/server/db/client";
import { optionalParam, restHandler } from "@/server/http/rest-handler";

export const GET = restHandler(({ query, user }) => getDashboardStats(db(), user, { repo: optionalParam(query, "repo") }));
