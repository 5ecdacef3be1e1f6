import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { RepoDetail } from "@/components/repos/repo-detail";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";
import { REPO_FULL_NAME } from "@/server/repos/repo-name";

export default async function RepoPage({ params }: { params: Promise<{ owner: string; repo: string }> }) {
  if (!(await currentUser())) return <SignInPrompt />;
  const { owner, repo } = await params;
  const fullName = `${owner}/${repo}`;
  if (!REPO_FULL_NAME.test(fullName)) notFound();
  prefetch(trpc.dashboard.branches.queryOptions({ repo: fullName }));
  prefetch(trpc.dashboard.pipelineEvents.queryOptions({ repo: fullName, limit: 50 }));
  prefetch(trpc.healing.sessions.queryOptions({ repo: fullName }));
  return (
    <HydrateClient>
      <PageHeader title={fullName} description="Pipeline history and healing timeline" />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <RepoDetail repo={fullName} />
      </Suspense>
    </HydrateClient>
  );
}
