import { z } from "zod";
import { readableRepoNames } from "../../access";
import { pageInput } from "../../http/pagination";
import { listMonitoredRepos } from "../../repos/list-monitored-repos";
import { listUserRepos } from "../../repos/list-user-repos";
import { userGitHub } from "../../repos/user-github";
import { createTrpcRouter, protectedProcedure } from "../init";

export const reposRouter = createTrpcRouter({
  monitored: protectedProcedure.input(z.object(pageInput).optional()).query(({ ctx, input }) => listMonitoredRepos(ctx.db, ctx.user, input ?? {})),
  /** Every repository whose data the user may read, sorted (the lists' repository filters, the live-updates channels a browser joins). */
  readable: protectedProcedure.query(async ({ ctx }) => (await readableRepoNames(ctx.user)).sort()),
  /** The signed-in user's GitHub repositories. */
  available: protectedProcedure.query(async ({ ctx }) => listUserRepos(ctx.db, await userGitHub(ctx.db, ctx.user.id), ctx.user.id)),
});
