import { Suspense } from "react";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Loading, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function DashboardPage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.dashboard.stats.queryOptions());
  prefetch(trpc.insights.overview.queryOptions({ days: 30 }));
  prefetch(trpc.dashboard.pipelineEvents.queryOptions({ limit: 15 }));
  prefetch(trpc.healing.sessions.queryOptions({ limit: 10 }));
  prefetch(trpc.healing.sessions.queryOptions({ status: "PENDING_APPROVAL", limit: 8 }));
  return (
    <HydrateClient>
      <PageHeader title="Dashboard" description="Pipelines, healing activity and what the knowledge base has learned" />
      <Suspense fallback={<Loading rows={6} label="Loading the overview…" />}>
        <DashboardView />
      </Suspense>
    </HydrateClient>
  );
}
