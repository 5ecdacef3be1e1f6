import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { checkHealth } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(env(), { db: db() });
  return Response.json(health, { status: health.status === "UP" ? 200 : 503 });
}
