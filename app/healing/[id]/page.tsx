import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SessionReview } from "@/components/healing/review/session-review";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { Loading, PageHeader } from "@/components/ui/card";
import { currentUser } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors";
import { getSession } from "@/server/healing/read-sessions";

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return <SignInPrompt />;
  const { id } = await params;
  // The same read the page's query makes: an unknown or malformed id, or a session of a repository the
  // user may not read, is a 404 page, not an error.
  const found = await getSession(db(), user, id).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return null;
    throw err;
  });
  if (!found) notFound();
  prefetch(trpc.review.session.queryOptions({ id }));
  prefetch(trpc.healing.auditLog.queryOptions({ id }));
  return (
    <HydrateClient>
      <PageHeader title={`Healing session #${id}`} description="Review the proposed fix and decide" />
      <Suspense fallback={<Loading rows={6} label="Loading the session…" />}>
        <SessionReview id={id} />
      </Suspense>
    </HydrateClient>
  );
}
