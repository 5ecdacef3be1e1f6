import { z } from "zod";
import { FAILURE_TYPES } from "../../analysis/failure-types";
import { visibleKnowledgeStats, visiblePatternFixes, visiblePatternsPage } from "../../knowledge/kb-visibility";
import { pageInput } from "../../http/pagination";
import { createTrpcRouter, protectedProcedure } from "../init";

export const knowledgeRouter = createTrpcRouter({
  stats: protectedProcedure.query(({ ctx }) => visibleKnowledgeStats(ctx.user)),
  patterns: protectedProcedure
    .input(z.object({ failureType: z.enum(FAILURE_TYPES).optional(), ...pageInput }).optional())
    .query(({ ctx, input }) => visiblePatternsPage(ctx.user, input ?? {})),
  fixes: protectedProcedure.input(z.object({ patternId: z.string().min(1) })).query(({ ctx, input }) => visiblePatternFixes(ctx.user, input.patternId)),
});
