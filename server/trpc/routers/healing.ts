import { z } from "zod";
import { env } from "../../env";
import { getAuditLog, getFixPlan, getSession, listSessions } from "../../healing/read-sessions";
import { getSessionReview } from "../../healing/review/get-session-review";
import { pageInput } from "../../http/pagination";
import { createTrpcRouter, protectedProcedure } from "../init";

const id = z.object({ id: z.string() });

export const healingRouter = createTrpcRouter({
  sessions: protectedProcedure
    .input(
      z
        .object({
          repo: z.string().optional(),
          status: z.string().optional(),
          failureType: z.string().max(64).optional(),
          source: z.enum(["LLM", "KNOWLEDGE_BASE"]).optional(),
          ...pageInput,
        })
        .optional(),
    )
    .query(({ ctx, input }) => listSessions(ctx.db, input ?? {})),
  session: protectedProcedure.input(id).query(({ ctx, input }) => getSession(ctx.db, input.id)),
  /** Everything the review page shows, with highlighted diffs and what the viewer may decide. */
  review: protectedProcedure.input(id).query(({ ctx, input }) => getSessionReview({ db: ctx.db, viewer: ctx.user, id: input.id, githubUrl: env().GITHUB_URL })),
  fixPlan: protectedProcedure.input(id).query(({ ctx, input }) => getFixPlan(ctx.db, input.id)),
  auditLog: protectedProcedure.input(id).query(({ ctx, input }) => getAuditLog(ctx.db, input.id)),
});
