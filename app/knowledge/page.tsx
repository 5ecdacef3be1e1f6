import { Suspense } from "react";
import { KnowledgeView } from "@/components/knowledge/knowledge-view";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function KnowledgePage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.knowledge.stats.queryOptions());
  prefetch(trpc.knowledge.patterns.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader title="Knowledge Base" description="Fixes proven by green CI, their failure patterns and the confidence they earned" />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <KnowledgeView />
      </Suspense>
    </HydrateClient>
  );
}
