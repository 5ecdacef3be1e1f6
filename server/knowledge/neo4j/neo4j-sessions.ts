// How the Neo4j adapter runs Cypher: a session per unit of work, closed in finally, after the schema
// (constraints, indexes) is in place.
import { isRetryableError, type Driver, type ManagedTransaction, type QueryResult, type Session } from "neo4j-driver";
import { ensureNeo4jSchema } from "./neo4j-schema";

type Params = Record<string, unknown>;

export interface Neo4jRunner {
  session<T>(mode: "READ" | "WRITE", work: (s: Session) => Promise<T>): Promise<T>;
  /** One query in an auto-commit transaction: one round trip (a managed transaction adds a COMMIT). */
  read(query: string, params?: Params): Promise<QueryResult>;
  /**
   * One write statement, auto-commit, for the lookup path; transient errors (deadlock, leader switch) are
   * retried as executeWrite would.
   */
  writeOne(query: string, params: Params): Promise<QueryResult>;
  /** Several statements in one managed write transaction (retried on transient errors). */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
}

export function neo4jRunner(driver: Driver, database?: string): Neo4jRunner {
  let schema: Promise<void> | undefined;

  async function session<T>(mode: "READ" | "WRITE", work: (s: Session) => Promise<T>): Promise<T> {
    schema ??= ensureNeo4jSchema(driver, database).catch((e) => {
      schema = undefined;
      throw e;
    });
    await schema;
    const s = driver.session({ database, defaultAccessMode: mode });
    try {
      return await work(s);
    } finally {
      await s.close();
    }
  }

  return {
    session,
    read: (query, params = {}) => session("READ", (s) => s.run(query, params)),
    write: (work) => session("WRITE", (s) => s.executeWrite(work)),
    async writeOne(query, params) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await session("WRITE", (s) => s.run(query, params));
        } catch (e) {
          if (attempt >= 5 || !isRetryableError(e)) throw e;
          await new Promise((r) => setTimeout(r, 5 * 2 ** attempt * (0.5 + Math.random())));
        }
      }
    },
  };
}
