import { z } from "zod";
import { REPO_FULL_NAME } from "../../repos/repo-name";
import { getSecurityStats, listScans, listScanTargets, SEVERITIES } from "../../security/read-scans";
import { createTrpcRouter, protectedProcedure } from "../init";

const repo = z.string().regex(REPO_FULL_NAME, "expected owner/repo").optional();
const branch = z.string().min(1).max(255).optional();

export const securityRouter = createTrpcRouter({
  scans: protectedProcedure
    .input(z.object({ repo, branch, severity: z.enum(SEVERITIES).optional(), commitSha: z.string().regex(/^[0-9a-f]{7,64}$/i).optional() }).optional())
    .query(({ ctx, input }) => listScans(ctx.db, ctx.user, input ?? {})),
  stats: protectedProcedure.input(z.object({ repo, branch }).optional()).query(({ ctx, input }) => getSecurityStats(ctx.db, ctx.user, input ?? {})),
  targets: protectedProcedure.query(({ ctx }) => listScanTargets(ctx.db, ctx.user)),
});
