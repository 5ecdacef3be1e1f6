// The process's knowledge base: Neo4j when NEO4J_URI is set, else the same graph in PostgreSQL tables
// (the process's database: DATABASE_URL, POSTGRES_*, or the embedded server).
import { pgPool } from "../db/client";
import { env } from "../env";
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
    // The process's pool (named prepared statements are per connection, so sharing it is safe).
    return createPostgresKnowledgeBase({ pool: pgPool(), ownsPool: false });
  });
}

/** Forgets the adapter, closing what it opened (the Neo4j driver; the shared pool stays): shutdown, tests. */
export async function closeKnowledgeBase(): Promise<void> {
  const kb = runtimeState().singletons.get(NAME) as KnowledgeBase | undefined;
  dropProcessSingleton(NAME);
  await kb?.close();
  await closeNeo4jDriver();
}
