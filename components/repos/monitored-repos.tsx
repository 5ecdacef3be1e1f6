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
    <ul className="divide-y divide-slate-100" data-testid="monitored-repos">
      {repos.map((r) => (
        <li key={r.id} className="flex items-center justify-between py-2.5 text-sm">
          <Link href={`/repos/${r.repoFullName}`} className="font-medium text-sky-700 hover:underline">
            {r.repoFullName}
          </Link>
          <span className="text-xs text-slate-500">
            by {r.monitoredBy} · <TimeAgo iso={r.createdAt} /> · {r.webhookId ? "webhook installed" : "manual webhook"}
          </span>
        </li>
      ))}
    </ul>
  );
}
