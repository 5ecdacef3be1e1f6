import { sendEvents } from "@/inngest/send";
import { db, pgPool } from "@/server/db/client";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { publishLive } from "@/server/realtime/live";
import { handleWebhook } from "@/server/webhooks/handle-webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const e = env();
  return handleWebhook(req, e, { db: db(), sql: pgPool(), log: logger("event-normalizer"), fixBranchPrefix: e.HEALING_FIX_BRANCH_PREFIX, sendEvents, publishLive });
}
