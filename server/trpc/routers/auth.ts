import { getUserProfile } from "../../repos/get-user-profile";
import { createTrpcRouter, publicProcedure } from "../init";

export const authRouter = createTrpcRouter({
  /** The signed-in user (runbook GET /api/auth/user), or null. */
  me: publicProcedure.query(async ({ ctx }) => (ctx.user ? getUserProfile(ctx.db, ctx.user.id).catch(() => null) : null)),
});
