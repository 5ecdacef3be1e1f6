// The Neo4j adapter's Cypher. Map projections (p {.*}, f {.*, weight: r.weight}) are turned into domain
// types by map-records.ts.

/**
 * Creates the pattern on first sight (with its LSH band links) or moves lastSeenAt. ON MATCH SET takes the
 * node's write lock, so what a later clause reads and increments (hitCount) no one else changes meanwhile.
 * Params: id, failureType, signature, signatureText, bands, at. Binds p.
 */
const MERGE_PATTERN = `
MERGE (p:FailurePattern {signature: $signature})
ON CREATE SET p.id = $id, p.failureType = $failureType, p.signatureText = $signatureText,
              p.hitCount = 0, p.firstSeenAt = $at, p.lastSeenAt = $at
ON MATCH SET p.lastSeenAt = CASE WHEN p.lastSeenAt < $at THEN $at ELSE p.lastSeenAt END
WITH p, p.id = $id AS created
FOREACH (key IN CASE WHEN created THEN $bands ELSE [] END |
  MERGE (b:SignatureBand {key: key}) CREATE (p)-[:IN_BAND]->(b))
WITH p`;

const QUALIFIES = (fix: string) => `${fix}.confidence >= $minConfidence AND ${fix}.successCount >= $minSuccessCount`;

export const CYPHER = {
  mergePattern: `${MERGE_PATTERN} RETURN p {.*} AS pattern`,

  findPattern: `
    MATCH (p:FailurePattern {signature: $signature})
    OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
    RETURN p {.*} AS pattern, collect(f {.*, weight: r.weight}) AS fixes`,

  patternById: `
    MATCH (p:FailurePattern {id: $patternId})
    OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
    RETURN p {.*} AS pattern, collect(f {.*, weight: r.weight}) AS fixes`,

  sightPattern: `${MERGE_PATTERN}
    OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
    WITH p, collect(f {.*, weight: r.weight}) AS fixes
    SET p.hitCount = p.hitCount + CASE WHEN any(x IN fixes WHERE ${QUALIFIES("x")}) THEN 1 ELSE 0 END
    RETURN p {.*} AS pattern, fixes`,

  // COUNT {} of a node's relationships is read from the store's degrees, not by walking them.
  findSimilar: `
    MATCH (b:SignatureBand) WHERE b.key IN $bands AND COUNT { (b)<-[:IN_BAND]-() } <= $maxPerBand
    MATCH (b)<-[:IN_BAND]-(p:FailurePattern)
    WITH p, count(*) AS shared WHERE p.signature <> $exclude
    RETURN p.id AS id, p.failureType AS failureType, p.signatureText AS signatureText, shared
    ORDER BY shared DESC, id LIMIT $limit`,

  // The hit: SET lastHitAt takes the write lock before hitCount is read and incremented.
  claimSimilar: `
    UNWIND range(0, size($ids) - 1) AS i
    MATCH (p:FailurePattern {id: $ids[i]})
    OPTIONAL MATCH (p)-[r:HAS_FIX]->(f:Fix)
    WITH i, p, collect(f {.*, weight: r.weight}) AS fixes ORDER BY i
    WITH collect({i: i, pattern: p {.*}, node: p, fixes: fixes}) AS rows
    WITH rows, [x IN rows WHERE any(f IN x.fixes WHERE ${QUALIFIES("f")}) | x.node] AS winners
    CALL (winners) {
      UNWIND winners[0..1] AS h
      SET h.lastHitAt = $at
      WITH h SET h.hitCount = h.hitCount + 1
    }
    UNWIND rows AS x
    RETURN x.pattern AS pattern, x.fixes AS fixes ORDER BY x.i`,

  fixByContent: `
    MATCH (:FailurePattern {id: $patternId})-[:HAS_FIX]->(f:Fix {contentHash: $contentHash})
    RETURN f {.*} AS fix LIMIT 1`,

  createFix: `
    MATCH (p:FailurePattern {id: $patternId})
    CREATE (f:Fix {id: $id, strategy: $strategy, fileDiffs: $fileDiffs, contentHash: $contentHash,
                   confidence: 0.0, successCount: 0, failureCount: 0, rejectedCount: 0, appliedCount: 0,
                   createdAt: $at, updatedAt: $at})
    CREATE (p)-[:HAS_FIX {weight: 1.0}]->(f)
    RETURN f {.*} AS fix`,

  linkFix: `
    OPTIONAL MATCH (p:FailurePattern {signature: $signature})
    OPTIONAL MATCH (f:Fix {id: $fixId})
    FOREACH (_ IN CASE WHEN p IS NOT NULL AND f IS NOT NULL THEN [1] ELSE [] END |
      MERGE (p)-[r:HAS_FIX]->(f) ON CREATE SET r.weight = $weight)
    RETURN p IS NOT NULL AND f IS NOT NULL AS ok`,

  // SET updatedAt first: it takes the write lock, so the increments cannot lose a concurrent update.
  addOutcome: `
    MATCH (f:Fix {id: $fixId}) SET f.updatedAt = $at
    WITH f SET f.appliedCount = f.appliedCount + $applied, f.successCount = f.successCount + $success,
               f.failureCount = f.failureCount + $failure, f.rejectedCount = f.rejectedCount + $rejected
    RETURN f {.*} AS fix`,

  setConfidence: `MATCH (f:Fix {id: $fixId}) SET f.confidence = $confidence`,

  getFix: `MATCH (f:Fix {id: $fixId}) RETURN f {.*} AS fix`,

  patternsOfFix: `
    MATCH (p:FailurePattern)-[r:HAS_FIX]->(:Fix {id: $fixId})
    RETURN p {.*} AS pattern ORDER BY r.weight DESC, p.id`,

  // $signatures / $fixIds: what the viewer may see (null: everything; server/knowledge/kb-visibility.ts).
  countPatterns: `MATCH (p:FailurePattern) WHERE $signatures IS NULL OR p.signature IN $signatures RETURN count(p) AS n`,
  countFixes: `MATCH (f:Fix) WHERE $fixIds IS NULL OR f.id IN $fixIds RETURN count(f) AS n, coalesce(avg(f.confidence), 0.0) AS average`,
  topTypes: `MATCH (p:FailurePattern) WHERE $signatures IS NULL OR p.signature IN $signatures
    RETURN p.failureType AS type, count(p) AS count ORDER BY count DESC, type LIMIT 10`,

  listPatterns: `
    MATCH (p:FailurePattern) WHERE ($type IS NULL OR p.failureType = $type) AND ($signatures IS NULL OR p.signature IN $signatures)
    WITH p ORDER BY p.hitCount DESC, p.lastSeenAt DESC, p.id SKIP $offset LIMIT $limit
    OPTIONAL MATCH (p)-[:HAS_FIX]->(f:Fix) WHERE $fixIds IS NULL OR f.id IN $fixIds
    WITH p, count(f) AS fixCount, coalesce(max(f.confidence), 0.0) AS best
    RETURN p {.*} AS pattern, fixCount, best ORDER BY p.hitCount DESC, p.lastSeenAt DESC, p.id`,
} as const;
