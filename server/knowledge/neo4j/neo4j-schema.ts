// Constraints and indexes of the knowledge graph (runbook §7), created once per driver, idempotently.
import type { Driver } from "neo4j-driver";

export const SCHEMA_STATEMENTS = [
  "CREATE CONSTRAINT failure_pattern_id IF NOT EXISTS FOR (p:FailurePattern) REQUIRE p.id IS UNIQUE",
  "CREATE CONSTRAINT failure_pattern_signature IF NOT EXISTS FOR (p:FailurePattern) REQUIRE p.signature IS UNIQUE",
  "CREATE CONSTRAINT fix_id IF NOT EXISTS FOR (f:Fix) REQUIRE f.id IS UNIQUE",
  // Similarity lookup (signature-similarity.ts): (:FailurePattern)-[:IN_BAND]->(:SignatureBand {key}).
  "CREATE CONSTRAINT signature_band_key IF NOT EXISTS FOR (b:SignatureBand) REQUIRE b.key IS UNIQUE",
  "CREATE INDEX failure_pattern_type IF NOT EXISTS FOR (p:FailurePattern) ON (p.failureType)",
  "CREATE INDEX failure_pattern_hits IF NOT EXISTS FOR (p:FailurePattern) ON (p.hitCount)",
  "CREATE INDEX fix_confidence IF NOT EXISTS FOR (f:Fix) ON (f.confidence)",
  "CREATE INDEX fix_content_hash IF NOT EXISTS FOR (f:Fix) ON (f.contentHash)",
];

export async function ensureNeo4jSchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run("CALL db.awaitIndexes(120)");
  } finally {
    await session.close();
  }
}
