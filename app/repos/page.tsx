import { Suspense } from "react";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { AvailableRepos } from "@/components/repos/available-repos";
import { MonitoredRepos } from "@/components/repos/monitored-repos";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Card, Loading, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function ReposPage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.repos.monitored.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Repositories" description="Choose which repositories InfraFlow watches and heals" />
      <Card title="Monitored Repositories">
        <Suspense fallback={<Loading label="Loading monitored repositories…" />}>
          <MonitoredRepos />
        </Suspense>
      </Card>
      <Card title="Your GitHub repositories" className="mt-6">
        <AvailableRepos />
      </Card>
    </HydrateClient>
  );
}
