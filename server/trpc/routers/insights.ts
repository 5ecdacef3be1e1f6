// The dashboard's aggregated views (issue 13): charts of the overview and of a repository's page, and the
// outcome history of knowledge-base fixes. All are limited to the repositories the viewer may read.
import { z } from "zod";
import { readableRepoNames } from "../../access";
import { getInsights } from "../../dashboard/get-insights";
import { listFixOutcomes } from "../../dashboard/list-fix-outcomes";
import { pageInput } from "../../http/pagination";
import { REPO_FULL_NAME } from "../../repos/repo-name";
import { createTrpcRouter, protectedProcedure } from "../init";

export const insightsRouter = createTrpcRouter({
  /** Failures and heals per day, MTTR trend, failure types, knowledge-base hit rate, LLM cost saved. */
  overview: protectedProcedure
    .input(z.object({ repo: z.string().regex(REPO_FULL_NAME, "expected owner/repo").optional(), days: z.number().int().min(1).max(365).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const readable = await readableRepoNames(ctx.user);
      return getInsights(ctx.db, { repos: input?.repo ? readable.filter((r) => r === input.repo) : readable, days: input?.days });
    }),
  /** Outcome history of knowledge-base fixes, from the sessions that used them. */
  fixOutcomes: protectedProcedure
    .input(z.object({ fixId: z.string().uuid().optional(), ...pageInput }).optional())
    .query(async ({ ctx, input }) => listFixOutcomes(ctx.db, { ...input, repos: await readableRepoNames(ctx.user) })),
});
