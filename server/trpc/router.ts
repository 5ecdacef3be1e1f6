import { createCallerFactory, createTrpcRouter } from "./init";
import { authRouter } from "./routers/auth";
import { dashboardRouter } from "./routers/dashboard";
import { healingRouter } from "./routers/healing";
import { insightsRouter } from "./routers/insights";
import { knowledgeRouter } from "./routers/knowledge";
import { reposRouter } from "./routers/repos";
import { reviewRouter } from "./routers/review";
import { securityRouter } from "./routers/security";

export const appRouter = createTrpcRouter({
  auth: authRouter,
  dashboard: dashboardRouter,
  healing: healingRouter,
  insights: insightsRouter,
  knowledge: knowledgeRouter,
  repos: reposRouter,
  review: reviewRouter,
  security: securityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
