"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/card";
import { shortSha } from "@/components/ui/format";

export function PipelineFeed({ repo, branch, limit = 20 }: { repo?: string; branch?: string; limit?: number }) {
  const trpc = useTRPC();
  const { data: { items: events } } = useSuspenseQuery(trpc.dashboard.pipelineEvents.queryOptions({ repo, branch, limit }));
  if (events.length === 0) {
    return <EmptyState title="No pipeline runs yet">Runs appear here as soon as a monitored repository&apos;s workflow reports to the webhook.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="pipeline-feed">
      {events.map((e) => (
        <li key={e.id} className="flex items-center justify-between gap-3 py-2.5 text-sm" data-run-id={e.runId}>
          <div className="min-w-0">
            <div className="truncate font-medium">
              {e.repoFullName} <span className="font-normal text-slate-600 dark:text-slate-400">· {e.workflowName}</span>
            </div>
            <div className="truncate text-xs text-slate-600 dark:text-slate-400">
              {e.branch} @ <code>{shortSha(e.commitSha)}</code>
              {e.failureType && <> · {e.failureType}</>}
              {e.attemptCount > 1 && (
                <span data-testid="run-attempts" title={e.attempts.map((a) => `attempt ${a.runAttempt}: ${a.conclusion ?? a.status}`).join(", ")}>
                  {" "}· {e.attemptCount} attempts ({e.attempts.map((a) => a.conclusion ?? a.status).join(" → ")})
                </span>
              )}
              {e.flaky && <> · flaky</>}
            </div>
          </div>
          <div className="flex shrink-0 items-center gap-3">
            <StatusBadge status={e.conclusion ?? e.status} />
            <span className="w-16 text-right text-xs text-slate-600 dark:text-slate-400"><TimeAgo iso={e.createdAt} /></span>
          </div>
        </li>
      ))}
    </ul>
  );
}
