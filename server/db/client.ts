// One PostgreSQL pool per process, shared by Prisma 7 (through its pg driver adapter) and the few hot
// paths that speak SQL directly (webhook ingestion), so there is one set of connections to size.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "../env";
import { logger } from "../logger";
import { dropProcessSingleton, processSingleton, runtimeState } from "../runtime-state";
import { resolveDatabaseUrl } from "./database-url";

export type Db = PrismaClient;

export function pgPool(): pg.Pool {
  return processSingleton("pg-pool", () => {
    const pool = new pg.Pool({ connectionString: resolveDatabaseUrl(env()), max: 10 });
    // An idle connection that dies (database restart) must not crash the process; the next query reconnects.
    pool.on("error", (err) => logger("database").warn({ err }, "Idle database connection lost"));
    return pool;
  });
}

export function db(): Db {
  return processSingleton("prisma", () => new PrismaClient({ adapter: new PrismaPg(pgPool(), { disposeExternalPool: false }) }));
}

/** Closes the client and the pool (shutdown, tests). */
export async function disconnectDb(): Promise<void> {
  const { singletons } = runtimeState();
  const client = singletons.get("prisma") as Db | undefined;
  const pool = singletons.get("pg-pool") as pg.Pool | undefined;
  dropProcessSingleton("prisma");
  dropProcessSingleton("pg-pool");
  await client?.$disconnect();
  await pool?.end();
}
