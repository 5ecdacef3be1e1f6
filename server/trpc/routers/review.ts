import { z } from "zod";
import { env } from "../../env";
import { getSessionReview } from "../../healing/review/get-session-review";
import { createTrpcRouter, protectedProcedure } from "../init";

export const reviewRouter = createTrpcRouter({
  /** Everything the review page (/healing/[id]) shows, with highlighted diffs and what the viewer may decide. */
  session: protectedProcedure.input(z.object({ id: z.string() })).query(({ ctx, input }) => getSessionReview({ db: ctx.db, viewer: ctx.user, id: input.id, githubUrl: env().GITHUB_URL })),
});
