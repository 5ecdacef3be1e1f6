import { Suspense } from "react";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { SecurityView } from "@/components/security/security-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function SecurityPage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.security.stats.queryOptions({}));
  prefetch(trpc.security.scans.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader title="Security" description="Findings of the scan that runs on every push, by repository, branch and severity" />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <SecurityView />
      </Suspense>
    </HydrateClient>
  );
}
