import { listMonitoredRepos } from "../../repos/list-monitored-repos";
import { createTrpcRouter, protectedProcedure } from "../init";

export const reposRouter = createTrpcRouter({
  monitored: protectedProcedure.query(({ ctx }) => listMonitoredRepos(ctx.db)),
});
