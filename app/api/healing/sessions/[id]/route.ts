import { db } from "@/server/db/client";
import { getSession } from "@/server/healing/read-sessions";
import { restHandler } from "@/server/http/rest-handler";

export const GET = restHandler<{ id: string }>(({ params, user }) => getSession(db(), user, params.id));
