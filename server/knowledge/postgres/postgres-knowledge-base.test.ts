import { describe } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "../../db/client";
import { knowledgeBaseContract } from "../testing/knowledge-base-contract";
import { createPostgresKnowledgeBase } from "./postgres-knowledge-base";

describe("PostgreSQL knowledge base (embedded PostgreSQL)", () => {
  useTestDatabase();
  const kb = createPostgresKnowledgeBase({ db });
  knowledgeBaseContract("PostgreSQL", {
    kb: () => kb,
    reset: async () => {
      await db().$executeRawUnsafe("TRUNCATE kb_pattern_bands, kb_pattern_fixes, kb_fixes, kb_failure_patterns");
    },
  });
});
