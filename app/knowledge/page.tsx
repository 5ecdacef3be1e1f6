import { Suspense } from "react";
import { KnowledgeView } from "@/components/knowledge/knowledge-view";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Loading, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";

export default async function KnowledgePage() {
  if (!(await currentUser())) return <SignInPrompt />;
  prefetch(trpc.knowledge.stats.queryOptions());
  prefetch(trpc.knowledge.patterns.queryOptions({}));
  prefetch(trpc.insights.fixOutcomes.queryOptions({ limit: 20 }));
  return (
    <HydrateClient>
      <PageHeader title="Knowledge Base" description="Fixes proven by green CI, their failure patterns and the confidence they earned" />
      <Suspense fallback={<Loading rows={6} label="Loading the knowledge base…" />}>
        <KnowledgeView />
      </Suspense>
    </HydrateClient>
  );
}
