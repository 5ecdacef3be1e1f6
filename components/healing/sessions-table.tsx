"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Badge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/card";
import { percent, shortSha } from "@/components/ui/format";

export function SessionsTable({ repo, status, limit }: { repo?: string; status?: string; limit?: number }) {
  const trpc = useTRPC();
  const { data: { items: sessions } } = useSuspenseQuery(trpc.healing.sessions.queryOptions({ repo, status, limit }));
  if (sessions.length === 0) {
    return <EmptyState title="No healing sessions yet">A session starts when a monitored pipeline fails.</EmptyState>;
  }
  return (
    <table className="w-full text-left text-sm" data-testid="sessions-table">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4">#</th>
          <th className="py-2 pr-4">Repository</th>
          <th className="py-2 pr-4">Failure</th>
          <th className="py-2 pr-4">Status</th>
          <th className="py-2 pr-4">Source</th>
          <th className="py-2 pr-4">Confidence</th>
          <th className="py-2">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sessions.map((s) => (
          <tr key={s.id} className="hover:bg-slate-50">
            <td className="py-2 pr-4">
              <Link className="font-medium text-sky-700 hover:underline" href={`/healing/${s.id}`}>
                {s.id}
              </Link>
              {s.attemptNumber > 1 && <span className="ml-1 text-xs text-slate-400">try {s.attemptNumber}</span>}
            </td>
            <td className="py-2 pr-4">
              {s.repoFullName}
              <div className="text-xs text-slate-500">
                {s.branch} @ <code>{shortSha(s.commitSha)}</code>
              </div>
            </td>
            <td className="py-2 pr-4">{s.failureType ?? "—"}</td>
            <td className="py-2 pr-4">
              <StatusBadge status={s.status} /> {s.outcome && <StatusBadge status={s.outcome} />}
            </td>
            <td className="py-2 pr-4">
              {s.source === "KNOWLEDGE_BASE" ? <Badge tone="green">Knowledge base</Badge> : s.source ? <Badge tone="violet">LLM</Badge> : "—"}
              {s.demo && <Badge tone="amber">demo</Badge>}
            </td>
            <td className="py-2 pr-4 tabular-nums">{percent(s.confidenceScore)}</td>
            <td className="py-2 text-slate-500"><TimeAgo iso={s.createdAt} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
