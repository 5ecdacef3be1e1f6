import { Suspense } from "react";
import { SessionsTable } from "@/components/healing/sessions-table";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function HealingPage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.healing.sessions.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader title="Healing Sessions" description="Every fix InfraFlow proposed, with its status, diff and audit log" />
      <Card>
        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
          <SessionsTable />
        </Suspense>
      </Card>
    </HydrateClient>
  );
}
