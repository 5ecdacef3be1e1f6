// The PostgreSQL adapter's statements, run as named prepared statements (planned once per connection).

// The fixes of pattern row `p`, as JSON, so a pattern and its fixes come back in one round trip.
const FIXES_JSON = `COALESCE((
  SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('weight', pf.weight))
  FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id WHERE pf.pattern_id = p.id), '[]'::jsonb) AS fixes`;

// $1 id, $2 failure type, $3 signature, $4 signature text, $5 at, $6 band keys.
const UPSERT_PATTERN = `
  INSERT INTO kb_failure_patterns (id, failure_type, signature, signature_text, hit_count, first_seen_at, last_seen_at)
  VALUES ($1::uuid, $2, $3, $4, 0, $5, $5)
  ON CONFLICT (signature) DO UPDATE SET last_seen_at = GREATEST(kb_failure_patterns.last_seen_at, EXCLUDED.last_seen_at)
  RETURNING *, (xmax = 0) AS inserted`;

export const SQL = {
  findPattern: `SELECT p.*, ${FIXES_JSON} FROM kb_failure_patterns p WHERE p.signature = $1`,

  patternById: `SELECT p.*, ${FIXES_JSON} FROM kb_failure_patterns p WHERE p.id = $1::uuid`,

  // One statement, one commit: the upsert (plus a hit when one of its fixes qualifies: $7 confidence, $8
  // successes), the band keys of a new pattern, and the pattern with its fixes. Sightings are bookkeeping,
  // so this transaction commits asynchronously (no wait for the WAL flush; a crash may lose the last few).
  sightPattern: `
    WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
    p AS (
      INSERT INTO kb_failure_patterns (id, failure_type, signature, signature_text, hit_count, first_seen_at, last_seen_at)
      SELECT $1::uuid, $2, $3, $4, 0, $5, $5 FROM cfg
      ON CONFLICT (signature) DO UPDATE SET
        last_seen_at = GREATEST(kb_failure_patterns.last_seen_at, EXCLUDED.last_seen_at),
        hit_count = kb_failure_patterns.hit_count + CASE WHEN EXISTS (
          SELECT 1 FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id
          WHERE pf.pattern_id = kb_failure_patterns.id AND f.confidence >= $7 AND f.success_count >= $8) THEN 1 ELSE 0 END
      RETURNING *, (xmax = 0) AS inserted),
    b AS (
      INSERT INTO kb_pattern_bands (band, pattern_id)
      SELECT unnest($6::text[]), p.id FROM p WHERE p.inserted ON CONFLICT DO NOTHING)
    SELECT p.*, ${FIXES_JSON} FROM p`,

  // Bands shared by more than $4 patterns are ignored; reading at most $4 + 1 rows per band tells which.
  findSimilar: `
    WITH hits AS (
      SELECT q.band, x.pattern_id
      FROM unnest($1::text[]) AS q(band)
      CROSS JOIN LATERAL (SELECT pattern_id FROM kb_pattern_bands b WHERE b.band = q.band LIMIT $4 + 1) x),
    useful AS (SELECT band FROM hits GROUP BY band HAVING count(*) <= $4),
    c AS (
      SELECT pattern_id, count(*)::int AS shared FROM hits WHERE band IN (SELECT band FROM useful)
      GROUP BY pattern_id ORDER BY shared DESC, pattern_id LIMIT $2 + 1)
    SELECT p.id, p.failure_type, p.signature_text, c.shared FROM c JOIN kb_failure_patterns p ON p.id = c.pattern_id
    WHERE p.signature <> $3 ORDER BY c.shared DESC, p.id LIMIT $2`,

  // $1 pattern ids in order, $2/$3 qualifying confidence/successes. The hit is bookkeeping: async commit.
  claimSimilar: `
    WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
    pats AS (
      SELECT p.*, q.n, ${FIXES_JSON}
      FROM unnest($1::uuid[]) WITH ORDINALITY AS q(id, n) JOIN kb_failure_patterns p ON p.id = q.id),
    winner AS (
      SELECT id FROM pats WHERE EXISTS (
        SELECT 1 FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id
        WHERE pf.pattern_id = pats.id AND f.confidence >= $2 AND f.success_count >= $3)
      ORDER BY n LIMIT 1),
    hit AS (
      UPDATE kb_failure_patterns SET hit_count = hit_count + 1 FROM cfg
      WHERE kb_failure_patterns.id = (SELECT id FROM winner) RETURNING kb_failure_patterns.id)
    SELECT * FROM pats ORDER BY n`,

  upsertPattern: `
    WITH p AS (${UPSERT_PATTERN}),
    b AS (
      INSERT INTO kb_pattern_bands (band, pattern_id)
      SELECT unnest($6::text[]), p.id FROM p WHERE p.inserted ON CONFLICT DO NOTHING)
    SELECT * FROM p`,

  fixByContent: `
    SELECT f.* FROM kb_fixes f JOIN kb_pattern_fixes pf ON pf.fix_id = f.id
    WHERE pf.pattern_id = $1::uuid AND f.content_hash = $2 LIMIT 1`,

  insertFix: `
    WITH f AS (
      INSERT INTO kb_fixes (id, strategy, file_diffs, content_hash, created_at, updated_at)
      VALUES ($1::uuid, $2, $3, $4, $5, $5) RETURNING *),
    l AS (INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight) SELECT $6::uuid, f.id, 1 FROM f)
    SELECT * FROM f`,

  linkFix: `
    WITH p AS (SELECT id FROM kb_failure_patterns WHERE signature = $1),
         f AS (SELECT id FROM kb_fixes WHERE id = $2::uuid),
         ins AS (INSERT INTO kb_pattern_fixes (pattern_id, fix_id, weight)
                 SELECT p.id, f.id, $3::float8 FROM p, f ON CONFLICT DO NOTHING)
    SELECT (SELECT id FROM p) AS pattern_id, EXISTS (SELECT 1 FROM f) AS fix_exists`,

  addOutcome: `
    UPDATE kb_fixes SET
      applied_count = applied_count + $2, success_count = success_count + $3,
      failure_count = failure_count + $4, rejected_count = rejected_count + $5, updated_at = $6
    WHERE id = $1::uuid RETURNING *`,

  setConfidence: `UPDATE kb_fixes SET confidence = $2 WHERE id = $1::uuid`,

  getFix: `SELECT * FROM kb_fixes WHERE id = $1::uuid`,

  patternsOfFix: `
    SELECT p.* FROM kb_failure_patterns p JOIN kb_pattern_fixes pf ON pf.pattern_id = p.id
    WHERE pf.fix_id = $1::uuid ORDER BY pf.weight DESC, p.id`,

  // $1 visible signatures, $2 visible fix ids (null: everything; server/knowledge/kb-visibility.ts).
  totals: `
    SELECT (SELECT count(*)::int FROM kb_failure_patterns WHERE $1::text[] IS NULL OR signature = ANY($1)) AS patterns,
           (SELECT count(*)::int FROM kb_fixes WHERE $2::uuid[] IS NULL OR id = ANY($2)) AS fixes,
           (SELECT COALESCE(avg(confidence), 0)::float8 FROM kb_fixes WHERE $2::uuid[] IS NULL OR id = ANY($2)) AS average`,

  topTypes: `
    SELECT failure_type AS type, count(*)::int AS count FROM kb_failure_patterns
    WHERE $1::text[] IS NULL OR signature = ANY($1)
    GROUP BY failure_type ORDER BY count DESC, failure_type LIMIT 10`,

  listPatterns: `
    WITH page AS (
      SELECT * FROM kb_failure_patterns WHERE ($1::text IS NULL OR failure_type = $1) AND ($4::text[] IS NULL OR signature = ANY($4))
      ORDER BY hit_count DESC, last_seen_at DESC, id LIMIT $2 OFFSET $3)
    SELECT page.*,
      (SELECT count(*)::int FROM kb_pattern_fixes pf WHERE pf.pattern_id = page.id AND ($5::uuid[] IS NULL OR pf.fix_id = ANY($5))) AS fix_count,
      (SELECT COALESCE(max(f.confidence), 0)::float8 FROM kb_pattern_fixes pf JOIN kb_fixes f ON f.id = pf.fix_id
        WHERE pf.pattern_id = page.id AND ($5::uuid[] IS NULL OR pf.fix_id = ANY($5))) AS best_confidence
    FROM page ORDER BY hit_count DESC, last_seen_at DESC, id`,
} as const;
