import { createCallerFactory, createTrpcRouter } from "./init";
import { authRouter } from "./routers/auth";
import { dashboardRouter } from "./routers/dashboard";
import { healingRouter } from "./routers/healing";
import { knowledgeRouter } from "./routers/knowledge";
import { reposRouter } from "./routers/repos";
import { securityRouter } from "./routers/security";

export const appRouter = createTrpcRouter({
  auth: authRouter,
  dashboard: dashboardRouter,
  healing: healingRouter,
  knowledge: knowledgeRouter,
  repos: reposRouter,
  security: securityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
