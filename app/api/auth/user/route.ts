import { db } from "@/server/db/client";
import { restHandler } from "@/server/http/rest-handler";
import { getUserProfile } from "@/server/repos/get-user-profile";

// Runbook: { id, login, name, avatarUrl, email } | 401 if not authenticated.
export const GET = restHandler(({ user }) => getUserProfile(db(), user.id));
