import { z } from "zod";
import { readableRepoNames } from "../../access";
import { getDashboardStats } from "../../dashboard/get-dashboard-stats";
import { getInsights } from "../../dashboard/get-insights";
import { listBranches, listPipelineEvents } from "../../dashboard/list-pipeline-events";
import { pageInput } from "../../http/pagination";
import { REPO_FULL_NAME } from "../../repos/repo-name";
import { createTrpcRouter, protectedProcedure } from "../init";

const repo = z.string().regex(REPO_FULL_NAME, "expected owner/repo");

export const dashboardRouter = createTrpcRouter({
  stats: protectedProcedure.input(z.object({ repo: repo.optional() }).optional()).query(({ ctx, input }) => getDashboardStats(ctx.db, input ?? {})),
  pipelineEvents: protectedProcedure
    .input(z.object({ repo: repo.optional(), branch: z.string().optional(), ...pageInput }).optional())
    .query(({ ctx, input }) => listPipelineEvents(ctx.db, input ?? {})),
  /** Charts of the overview and of a repository's page, over the repositories the viewer may read. */
  insights: protectedProcedure
    .input(z.object({ repo: repo.optional(), days: z.number().int().min(1).max(365).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const readable = await readableRepoNames(ctx.user);
      return getInsights(ctx.db, { repos: input?.repo ? readable.filter((r) => r === input.repo) : readable, days: input?.days });
    }),
  /** Repository names for filters: those the viewer may read. */
  repositories: protectedProcedure.query(async ({ ctx }) => (await readableRepoNames(ctx.user)).sort()),
  branches: protectedProcedure.input(z.object({ repo })).query(({ ctx, input }) => listBranches(ctx.db, input.repo)),
});
