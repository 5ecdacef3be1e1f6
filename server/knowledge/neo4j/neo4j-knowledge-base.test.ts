import { describe } from "vitest";
import { clearNeo4j, useTestNeo4j } from "@/tools/neo4j-harness/use-test-neo4j";
import type { KnowledgeBase } from "../knowledge-base";
import { knowledgeBaseContract } from "../testing/knowledge-base-contract";
import { createNeo4jKnowledgeBase } from "./neo4j-knowledge-base";

describe("Neo4j knowledge base (Neo4j test harness over Bolt)", () => {
  const neo4j = useTestNeo4j();
  let kb: KnowledgeBase | undefined;
  knowledgeBaseContract("Neo4j", {
    kb: () => (kb ??= createNeo4jKnowledgeBase({ driver: neo4j.driver() })),
    reset: () => clearNeo4j(neo4j.driver()),
  });
});
