import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { useTestDatabase } from "@/test/database";
import type { KnowledgeBase } from "../knowledge-base";
import { knowledgeBaseContract } from "../testing/knowledge-base-contract";
import { createPostgresKnowledgeBase } from "./postgres-knowledge-base";

describe("PostgreSQL knowledge base (embedded PostgreSQL)", () => {
  const database = useTestDatabase();
  let pool: pg.Pool;
  let kb: KnowledgeBase;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: database.url(), max: 10 });
    kb = createPostgresKnowledgeBase({ pool });
  });
  afterAll(() => pool.end());

  knowledgeBaseContract("PostgreSQL", {
    kb: () => kb,
    reset: async () => {
      await pool.query("TRUNCATE kb_pattern_bands, kb_pattern_fixes, kb_fixes, kb_failure_patterns");
    },
  });
});
