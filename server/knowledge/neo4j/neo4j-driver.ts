// One neo4j Driver per process (it owns the connection pool); sessions are opened per unit of work.
import neo4j, { type Driver } from "neo4j-driver";
import { AppError } from "../../errors";
import type { Env } from "../../env";
import { env } from "../../env";
import { dropProcessSingleton, processSingleton, runtimeState } from "../../runtime-state";

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
}

export function createNeo4jDriver(c: Neo4jConnection): Driver {
  // Counts stay far below 2^53, so plain JS numbers are safe and simpler than neo4j Integers.
  return neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
  });
}

export function neo4jConnection(e: Env): Neo4jConnection | undefined {
  if (!e.NEO4J_URI) return undefined;
  return { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD };
}

/** The process's driver; NEO4J_URI must be set. */
export function neo4jDriver(): Driver {
  return processSingleton("neo4j-driver", () => {
    const connection = neo4jConnection(env());
    if (!connection) throw new AppError("UNAVAILABLE", "NEO4J_URI is not set: the knowledge base uses PostgreSQL");
    return createNeo4jDriver(connection);
  });
}

/** Closes the process's driver (shutdown, tests). */
export async function closeNeo4jDriver(): Promise<void> {
  const driver = runtimeState().singletons.get("neo4j-driver") as Driver | undefined;
  dropProcessSingleton("neo4j-driver");
  await driver?.close();
}
