import { db } from "@/server/db/client";
import { getAuditLog } from "@/server/healing/read-sessions";
import { restHandler } from "@/server/http/rest-handler";

export const GET = restHandler<{ id: string }>(({ params, user }) => getAuditLog(db(), user, params.id));
