import { db } from "@/server/db/client";
import { restHandler } from "@/server/http/rest-handler";
import { getUserProfile } from "@/server/repos/get-user-profile";

export const GET = restHandler(({ user }) => getUserProfile(db(), user.id));
