import { listMonitoredRepos } from "../../repos/list-monitored-repos";
import { listUserRepos } from "../../repos/list-user-repos";
import { userGitHub } from "../../repos/user-github";
import { createTrpcRouter, protectedProcedure } from "../init";

export const reposRouter = createTrpcRouter({
  monitored: protectedProcedure.query(({ ctx }) => listMonitoredRepos(ctx.db)),
  /** The signed-in user's GitHub repositories. */
  available: protectedProcedure.query(async ({ ctx }) => listUserRepos(ctx.db, await userGitHub(ctx.db, ctx.user.id), ctx.user.id)),
});
