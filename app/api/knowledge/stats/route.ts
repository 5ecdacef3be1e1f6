import { restHandler } from "@/server/http/rest-handler";
import { visibleKnowledgeStats } from "@/server/knowledge/kb-visibility";

export const GET = restHandler(({ user }) => visibleKnowledgeStats(user));
