import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentUser } from "@/server/auth/session";
import { createTrpcContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createTrpcContext({ user: await currentUser() }),
  });

export { handler as GET, handler as POST };
