// Gives a test file the run's Neo4j (vitest-global-setup.ts) to itself: test files run in parallel
// workers and Neo4j Community has one user database, so files take turns (a mkdir lock) and each starts
// from an empty graph.
import { mkdir, rmdir } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, inject } from "vitest";
import { createNeo4jDriver } from "../../server/knowledge/neo4j/neo4j-driver";

declare module "vitest" {
  export interface ProvidedContext {
    /** Bolt URI of the run's Neo4j (vitest-global-setup.ts). */
    neo4jUri: string;
    /** A folder for the cross-file lock that gives each Neo4j test file the database to itself. */
    neo4jLockDir: string;
  }
}

export async function clearNeo4j(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}

export function useTestNeo4j(): { driver: () => Driver; uri: () => string } {
  let driver: Driver | undefined;
  let lock: string | undefined;
  beforeAll(async () => {
    const uri = inject("neo4jUri");
    if (!uri) throw new Error("No Neo4j for this run: tools/neo4j-harness/vitest-global-setup.ts must be in vitest.config.ts globalSetup");
    lock = path.join(inject("neo4jLockDir"), "lock");
    for (;;) {
      try {
        await mkdir(lock);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    driver = createNeo4jDriver({ uri, username: "neo4j", password: "unused-auth-is-off" });
    await clearNeo4j(driver);
  }, 600_000);
  afterAll(async () => {
    await driver?.close();
    if (lock) await rmdir(lock).catch(() => {});
  });
  return {
    driver: () => {
      if (!driver) throw new Error("useTestNeo4j: the driver is created in beforeAll");
      return driver;
    },
    uri: () => inject("neo4jUri"),
  };
}
