import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { RepoDetail } from "@/components/repos/repo-detail";
import { Loading } from "@/components/ui/loading";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { assertRepoAccess } from "@/server/access";
import { currentUser } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors";
import { assertKnownRepo } from "@/server/repos/known-repo";
import { REPO_FULL_NAME } from "@/server/repos/repo-name";

export default async function RepoPage({ params }: { params: Promise<{ owner: string; repo: string }> }) {
  const user = await currentUser();
  if (!user) return <SignInPrompt />;
  const { owner, repo } = await params;
  const fullName = `${owner}/${repo}`;
  if (!REPO_FULL_NAME.test(fullName)) notFound();
  // A repository the user may not read on GitHub, or one InfraFlow does not know (a typo,
  // /repos/nobody/nothing), is a 404, not an empty page.
  await assertRepoAccess(user, fullName, "read").then(() => assertKnownRepo(db(), fullName)).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  prefetch(trpc.dashboard.branches.queryOptions({ repo: fullName }));
  prefetch(trpc.dashboard.pipelineEvents.queryOptions({ repo: fullName, limit: 50 }));
  prefetch(trpc.dashboard.stats.queryOptions({ repo: fullName }));
  prefetch(trpc.insights.overview.queryOptions({ repo: fullName, days: 30 }));
  prefetch(trpc.healing.sessions.queryOptions({ repo: fullName, limit: 50 }));
  return (
    <HydrateClient>
      <PageHeader title={fullName} description="Pipeline history, healing timeline and failure types" />
      <Suspense fallback={<Loading rows={6} label="Loading the repository…" />}>
        <RepoDetail repo={fullName} />
      </Suspense>
    </HydrateClient>
  );
}
