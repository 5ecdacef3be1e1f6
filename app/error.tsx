"use client";
// Any page whose data could not be read: the message and a retry, inside the normal layout.
import { ErrorState, PageHeader } from "@/components/ui/card";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div>
      <PageHeader title="Something went wrong" />
      <ErrorState message={error.message || "the server could not answer"} onRetry={reset} />
    </div>
  );
}
