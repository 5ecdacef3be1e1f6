import { z } from "zod";
import { FAILURE_TYPES } from "../../analysis/failure-types";
import { getKnowledgeStats } from "../../knowledge/get-knowledge-stats";
import { listPatternFixes } from "../../knowledge/list-pattern-fixes";
import { pageInput } from "../../http/pagination";
import { listPatternsPage } from "../../knowledge/list-patterns";
import { createTrpcRouter, protectedProcedure } from "../init";

export const knowledgeRouter = createTrpcRouter({
  stats: protectedProcedure.query(() => getKnowledgeStats()),
  patterns: protectedProcedure
    .input(z.object({ failureType: z.enum(FAILURE_TYPES).optional(), ...pageInput }).optional())
    .query(({ input }) => listPatternsPage(input ?? {})),
  fixes: protectedProcedure.input(z.object({ patternId: z.string().min(1) })).query(({ input }) => listPatternFixes(input.patternId)),
});
