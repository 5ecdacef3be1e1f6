import { Suspense } from "react";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function DashboardPage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.dashboard.stats.queryOptions());
  prefetch(trpc.dashboard.pipelineEvents.queryOptions({ limit: 20 }));
  prefetch(trpc.healing.sessions.queryOptions({ limit: 10 }));
  return (
    <HydrateClient>
      <PageHeader title="Dashboard" description="Pipelines, healing activity and what the knowledge base has learned" />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <DashboardView />
      </Suspense>
    </HydrateClient>
  );
}
