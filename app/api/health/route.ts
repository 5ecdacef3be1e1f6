import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { currentUser } from "@/server/auth/session";
import { anonymousHealth, checkHealth } from "@/server/health/check-health";
import { knowledgeBase } from "@/server/knowledge/current-knowledge-base";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(env(), {
    db: db(),
    extra: {
      // A point lookup of a fix that cannot exist: proves the engine answers without scanning anything.
      knowledgeBase: async () => {
        const kb = knowledgeBase();
        await kb.getFix("00000000-0000-0000-0000-000000000000");
        return { status: "UP", details: { engine: kb.kind } };
      },
    },
  });
  // Anonymous callers (load balancers, anyone) get states without error texts.
  const user = await currentUser().catch(() => null);
  return Response.json(user ? health : anonymousHealth(health), { status: health.status === "UP" ? 200 : 503 });
}
