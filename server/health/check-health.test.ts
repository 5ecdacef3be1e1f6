import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { useTestDatabase } from "@/test/database";
import { freePort } from "@/test/global-setup";
import { db } from "../db/client";
import { parseEnv } from "../env";
import { anonymousHealth, checkHealth } from "./check-health";

describe("checkHealth", () => {
  const database = useTestDatabase();

  it("is UP with each component's state when the database answers", async () => {
    const health = await checkHealth(parseEnv({ DATABASE_URL: database.url() }), { db: db() });
    expect(health.status).toBe("UP");
    expect(health.components.db).toMatchObject({ status: "UP", details: { engine: "postgresql" } });
    expect(health.components.realtime).toMatchObject({ details: { transport: "sse" } });
    expect(health.components.workflows).toMatchObject({ details: { engine: "embedded" } });
  });

  it("is DOWN when the database does not answer, or an extra probe fails", async () => {
    const dead = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://x:y@127.0.0.1:${await freePort()}/none`, connectionTimeoutMillis: 2000 }) });
    const health = await checkHealth(parseEnv({}), { db: dead });
    expect(health.status).toBe("DOWN");
    expect(health.components.db!.status).toBe("DOWN");
    await dead.$disconnect();

    const withKb = await checkHealth(parseEnv({}), { db: db(), extra: { knowledgeBase: async () => { throw new Error("bolt refused"); } } });
    expect(withKb.status).toBe("DOWN");
    expect(withKb.components.knowledgeBase).toEqual({ status: "DOWN", details: { error: "bolt refused" } });
    // Anonymous callers see that it is down, not why (error texts can name hosts, users, paths).
    const anonymous = anonymousHealth(withKb);
    expect(anonymous.status).toBe("DOWN");
    expect(anonymous.components.knowledgeBase).toEqual({ status: "DOWN", details: {} });
    expect(JSON.stringify(anonymous)).not.toContain("bolt refused");
    expect(anonymous.components.db).toMatchObject({ status: "UP", details: { engine: expect.any(String) } });
  });
});
