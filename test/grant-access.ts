// Records, in the access cache, that GitHub just said the user has `level` on these repositories (and that
// their repository list was just read), so tests about something else need no GitHub. The access rule
// itself is tested against the simulator (server/access/access.test.ts).
import { storeListing } from "@/server/access/access-cache";
import type { AccessLevel } from "@/server/access/permission";
import { db } from "@/server/db/client";

export async function grantAccess(userId: bigint, repos: string[], level: AccessLevel = "admin"): Promise<void> {
  await storeListing(db(), userId, repos.map((fullName) => ({ fullName, level })));
}
