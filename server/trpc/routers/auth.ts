import { createTrpcRouter, publicProcedure } from "../init";

export const authRouter = createTrpcRouter({
  /** The signed-in user (runbook GET /api/auth/user), or null. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id } });
    if (!user) return null;
    return { id: user.id.toString(), login: user.login, name: user.name, avatarUrl: user.avatarUrl, email: user.email };
  }),
});
