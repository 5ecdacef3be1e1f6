// One Prisma client per process, over node-postgres (Prisma 7's driver adapter).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "../env";
import { dropProcessSingleton, processSingleton, runtimeState } from "../runtime-state";
import { resolveDatabaseUrl } from "./database-url";

export type Db = PrismaClient;

export function db(): Db {
  return processSingleton("prisma", () => {
    const adapter = new PrismaPg({ connectionString: resolveDatabaseUrl(env()), max: 10 });
    return new PrismaClient({ adapter });
  });
}

/** Closes the pool (shutdown, tests). */
export async function disconnectDb(): Promise<void> {
  const client = runtimeState().singletons.get("prisma") as Db | undefined;
  dropProcessSingleton("prisma");
  await client?.$disconnect();
}
