import { z } from "zod";
import { getDashboardStats } from "../../dashboard/get-dashboard-stats";
import { listBranches, listPipelineEvents } from "../../dashboard/list-pipeline-events";
import { pageInput } from "../../http/pagination";
import { REPO_FULL_NAME } from "../../repos/repo-name";
import { createTrpcRouter, protectedProcedure } from "../init";

const repo = z.string().regex(REPO_FULL_NAME, "expected owner/repo");

export const dashboardRouter = createTrpcRouter({
  stats: protectedProcedure.input(z.object({ repo: repo.optional() }).optional()).query(({ ctx, input }) => getDashboardStats(ctx.db, ctx.user, input ?? {})),
  pipelineEvents: protectedProcedure
    .input(z.object({ repo: repo.optional(), branch: z.string().optional(), ...pageInput }).optional())
    .query(({ ctx, input }) => listPipelineEvents(ctx.db, ctx.user, input ?? {})),
  branches: protectedProcedure.input(z.object({ repo })).query(({ ctx, input }) => listBranches(ctx.db, ctx.user, input.repo)),
});
