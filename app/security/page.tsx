import { Suspense } from "react";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { securityQueryInput } from "@/components/security/query-input";
import { SecurityView } from "@/components/security/security-view";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await currentUser())) return <SignInPrompt />;
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const input = securityQueryInput({ repo: one("repo"), branch: one("branch"), severity: one("severity") });
  prefetch(trpc.security.stats.queryOptions({ repo: input.repo, branch: input.branch }));
  prefetch(trpc.security.scans.queryOptions(input));
  prefetch(trpc.security.targets.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Security" description="Secrets, injection flaws and vulnerable dependencies found in every push, with how to fix them" />
      <Suspense fallback={<p className="text-sm text-slate-500" role="status">Loading…</p>}>
        <SecurityView />
      </Suspense>
    </HydrateClient>
  );
}
