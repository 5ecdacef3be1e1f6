import { z } from "zod";
import { getSecurityStats, listScans, SEVERITIES } from "../../security/read-scans";
import { createTrpcRouter, protectedProcedure } from "../init";

export const securityRouter = createTrpcRouter({
  scans: protectedProcedure
    .input(z.object({ repo: z.string().optional(), branch: z.string().optional(), severity: z.enum(SEVERITIES).optional(), commitSha: z.string().optional() }).optional())
    .query(({ ctx, input }) => listScans(ctx.db, input ?? {})),
  stats: protectedProcedure.input(z.object({ repo: z.string().optional() }).optional()).query(({ ctx, input }) => getSecurityStats(ctx.db, input ?? {})),
});
