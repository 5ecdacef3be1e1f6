import { z } from "zod";
import { FAILURE_TYPES } from "../../analysis/failure-types";
import { getKnowledgeStats } from "../../knowledge/get-knowledge-stats";
import { listPatternFixes } from "../../knowledge/list-pattern-fixes";
import { listPatterns } from "../../knowledge/list-patterns";
import { createTrpcRouter, protectedProcedure } from "../init";

export const knowledgeRouter = createTrpcRouter({
  stats: protectedProcedure.query(() => getKnowledgeStats()),
  patterns: protectedProcedure
    .input(z.object({ failureType: z.enum(FAILURE_TYPES).optional(), limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ input }) => listPatterns(input ?? {})),
  fixes: protectedProcedure.input(z.object({ patternId: z.string().min(1) })).query(({ input }) => listPatternFixes(input.patternId)),
});
