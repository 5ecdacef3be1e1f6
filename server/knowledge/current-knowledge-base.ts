// The process's knowledge base: Neo4j when NEO4J_URI is set, else the same graph in PostgreSQL tables
// (the process's database: DATABASE_URL, POSTGRES_*, or the embedded server).
import pg from "pg";
import { resolveDatabaseUrl } from "../db/database-url";
import { env } from "../env";
import { logger } from "../logger";
import { dropProcessSingleton, processSingleton, runtimeState } from "../runtime-state";
import type { KnowledgeBase } from "./knowledge-base";
import { createNeo4jKnowledgeBase } from "./neo4j/neo4j-knowledge-base";
import { closeNeo4jDriver, neo4jDriver } from "./neo4j/neo4j-driver";
import { createPostgresKnowledgeBase } from "./postgres/postgres-knowledge-base";

const NAME = "knowledge-base";

export function knowledgeBase(): KnowledgeBase {
  return processSingleton(NAME, () => {
    const e = env();
    if (e.NEO4J_URI) return createNeo4jKnowledgeBase({ driver: neo4jDriver(), database: e.NEO4J_DATABASE });
    // Its own small pool: the adapter uses named prepared statements (see postgres-knowledge-base.ts).
    const pool = new pg.Pool({ connectionString: resolveDatabaseUrl(e), max: 5 });
    // An idle connection that dies (database restart) must not crash the process; the next query reconnects.
    pool.on("error", (err) => logger("knowledge-base").warn({ err }, "Knowledge base database connection lost"));
    return createPostgresKnowledgeBase({ pool, ownsPool: true });
  });
}

/** Forgets the adapter, closing what it opened (its PostgreSQL pool, the Neo4j driver): shutdown, tests. */
export async function closeKnowledgeBase(): Promise<void> {
  const kb = runtimeState().singletons.get(NAME) as KnowledgeBase | undefined;
  dropProcessSingleton(NAME);
  await kb?.close();
  await closeNeo4jDriver();
}
