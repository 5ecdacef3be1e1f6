import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SessionDetail } from "@/components/healing/session-detail";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";
import { db } from "@/server/db/client";

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await currentUser())) return <SignInPrompt />;
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id) || !(await db().healingSession.count({ where: { id: BigInt(id) } }))) notFound();
  prefetch(trpc.healing.session.queryOptions({ id }));
  prefetch(trpc.healing.auditLog.queryOptions({ id }));
  return (
    <HydrateClient>
      <PageHeader title={`Healing session #${id}`} />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <SessionDetail id={id} />
      </Suspense>
    </HydrateClient>
  );
}
