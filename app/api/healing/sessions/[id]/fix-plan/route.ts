import { db } from "@/server/db/client";
import { getFixPlan } from "@/server/healing/read-sessions";
import { restHandler } from "@/server/http/rest-handler";

// 204 while no fix has been generated (runbook §6).
export const GET = restHandler<{ id: string }>(({ params, user }) => getFixPlan(db(), user, params.id));
