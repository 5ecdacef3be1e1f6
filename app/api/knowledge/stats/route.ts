import { restHandler } from "@/server/http/rest-handler";
import { getKnowledgeStats } from "@/server/knowledge/get-knowledge-stats";

export const GET = restHandler(() => getKnowledgeStats());
