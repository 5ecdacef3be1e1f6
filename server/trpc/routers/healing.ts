import { z } from "zod";
import { getAuditLog, getFixPlan, getSession, listSessions } from "../../healing/read-sessions";
import { pageInput } from "../../http/pagination";
import { createTrpcRouter, protectedProcedure } from "../init";

const id = z.object({ id: z.string() });

export const healingRouter = createTrpcRouter({
  sessions: protectedProcedure
    .input(z.object({ repo: z.string().optional(), status: z.string().optional(), failureType: z.string().max(64).optional(), source: z.enum(["LLM", "KNOWLEDGE_BASE"]).optional(), ...pageInput }).optional())
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.user, input ?? {})),
  session: protectedProcedure.input(id).query(({ ctx, input }) => getSession(ctx.db, ctx.user, input.id)),
  fixPlan: protectedProcedure.input(id).query(({ ctx, input }) => getFixPlan(ctx.db, ctx.user, input.id)),
  auditLog: protectedProcedure.input(id).query(({ ctx, input }) => getAuditLog(ctx.db, ctx.user, input.id)),
});
