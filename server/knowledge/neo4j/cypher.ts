// Cypher shared by several adapter operations.

/**
 * Creates the pattern on first sight (with its LSH band links) or moves lastSeenAt. ON MATCH SET takes the
 * node's write lock, so what a later clause reads and increments (hitCount) no one else changes meanwhile.
 * Params: id, failureType, signature, signatureText, bands, at. Binds p.
 */
export const MERGE_PATTERN = `
MERGE (p:FailurePattern {signature: $signature})
ON CREATE SET p.id = $id, p.failureType = $failureType, p.signatureText = $signatureText,
              p.hitCount = 0, p.firstSeenAt = $at, p.lastSeenAt = $at
ON MATCH SET p.lastSeenAt = CASE WHEN p.lastSeenAt < $at THEN $at ELSE p.lastSeenAt END
WITH p, p.id = $id AS created
FOREACH (key IN CASE WHEN created THEN $bands ELSE [] END |
  MERGE (b:SignatureBand {key: key}) CREATE (p)-[:IN_BAND]->(b))
WITH p`;
