import { Suspense } from "react";
import { HealingList } from "@/components/healing/healing-list";
import { sessionsQueryFromParams } from "@/components/healing/sessions-query";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Card, Loading, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function HealingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await currentUser())) return <SignInPrompt />;
  const params = await searchParams;
  const first = (k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  prefetch(trpc.healing.sessions.queryOptions(sessionsQueryFromParams(first)));
  prefetch(trpc.repos.readable.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Healing Sessions" description="Every fix InfraFlow proposed, with its status, diff and audit log" />
      <Card>
        <Suspense fallback={<Loading rows={5} label="Loading sessions…" />}>
          <HealingList />
        </Suspense>
      </Card>
    </HydrateClient>
  );
}
