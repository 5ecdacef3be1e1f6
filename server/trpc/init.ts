// tRPC 11: context (database + signed-in user), public and protected procedures, and AppError → tRPC
// error mapping so domain code throws one kind of error everywhere.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { db, type Db } from "../db/client";
import { assertRepoAccess } from "../access";
import { isAppError } from "../errors";
import { REPO_FULL_NAME } from "../repos/repo-name";
import type { SessionUser } from "../auth/session";

export interface TrpcContext {
  db: Db;
  user: SessionUser | null;
}

/** Builds the context; the user comes from next-auth for HTTP calls and is given directly in tests. */
export async function createTrpcContext(opts: { user: SessionUser | null }): Promise<TrpcContext> {
  return { db: db(), user: opts.user };
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.issues : null },
    };
  },
});

const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
  }
  return result;
});

export const createTrpcRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors);
/** Signed in, and — before any resolver runs — read access to the repository an input names (`repo`,
 *  `repoFullName`): a new procedure taking a repository cannot forget the check. Lists without one filter
 *  with readableRepoNames in their query (server/access); records found by id check their repository
 *  (assertRecordAccess). server/access/enforcement.test.ts calls every procedure as a stranger. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, getRawInput }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in with GitHub to see this" });
  const raw: unknown = await getRawInput();
  for (const field of ["repo", "repoFullName"] as const) {
    const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[field] : undefined;
    if (typeof value === "string" && REPO_FULL_NAME.test(value)) await assertRepoAccess(ctx.user, value, "read");
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
