"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/card";


export function MonitoredRepos() {
  const trpc = useTRPC();
  const { data: { items: repos } } = useSuspenseQuery(trpc.repos.monitored.queryOptions());
  if (repos.length === 0) return <EmptyState title="No monitored repositories">Pick a repository below and click Monitor.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="monitored-repos">
      {repos.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5 text-sm">
          <Link href={`/repos/${r.repoFullName}`} className="break-all font-medium text-sky-800 hover:underline dark:text-sky-300">
            {r.repoFullName}
          </Link>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            by {r.monitoredBy} · <TimeAgo iso={r.createdAt} /> · {r.webhookId ? "webhook installed" : "manual webhook"}
          </span>
        </li>
      ))}
    </ul>
  );
}
