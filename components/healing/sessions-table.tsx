"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Badge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/card";
import { percent, shortSha } from "@/components/ui/format";
import { TimeAgo } from "@/components/ui/time-ago";
import type { SessionSummaryDto } from "@/server/healing/session-dto";

export interface SessionsQuery {
  repo?: string;
  status?: string;
  failureType?: string;
  source?: "LLM" | "KNOWLEDGE_BASE";
  limit?: number;
  cursor?: string;
}

/** Sessions of a query; `children` renders below the table with the page's next cursor (paging). */
export function SessionsTable({ empty, children, ...query }: SessionsQuery & { empty?: React.ReactNode; children?: (nextCursor: string | null) => React.ReactNode }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.healing.sessions.queryOptions(query));
  if (data.items.length === 0) {
    return <>{empty ?? <EmptyState title="No healing sessions yet">A session starts when a monitored pipeline fails.</EmptyState>}{children?.(null)}</>;
  }
  return (
    <>
      <SessionRows sessions={data.items} />
      {children?.(data.nextCursor)}
    </>
  );
}

const th = "py-2 pr-3 font-medium";

export function SessionRows({ sessions }: { sessions: SessionSummaryDto[] }) {
  return (
    // Columns follow the table's own width (container queries), so it reads in a half-width card too.
    <div className="@container">
    <table className="w-full table-fixed text-left text-sm" data-testid="sessions-table">
      <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className={`${th} w-16`}>#</th>
          <th scope="col" className={th}>Repository</th>
          <th scope="col" className={`${th} hidden @2xl:table-cell`}>Failure</th>
          <th scope="col" className={`${th} w-36`}>Status</th>
          <th scope="col" className={`${th} hidden w-32 @3xl:table-cell`}>Source</th>
          <th scope="col" className={`${th} hidden w-24 @md:table-cell`}>Confidence</th>
          <th scope="col" className={`${th} hidden w-20 @sm:table-cell`}>Age</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {sessions.map((s) => (
          <tr key={s.id} className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50">
            <td className="py-2 pr-3">
              <Link className="font-medium text-sky-800 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300" href={`/healing/${s.id}`} aria-label={`Session ${s.id}`}>
                {s.id}
              </Link>
              {s.attemptNumber > 1 && <div className="text-xs text-slate-600 dark:text-slate-400">try {s.attemptNumber}</div>}
            </td>
            <td className="min-w-0 py-2 pr-3">
              <div className="truncate">{s.repoFullName}</div>
              <div className="truncate text-xs text-slate-600 dark:text-slate-400">
                {s.branch} @ <code>{shortSha(s.commitSha)}</code>
                <span className="@2xl:hidden"> · {s.failureType ?? "unclassified"}</span>
              </div>
            </td>
            <td className="hidden truncate py-2 pr-3 @2xl:table-cell">{s.failureType ?? "—"}</td>
            <td className="py-2 pr-3">
              <div className="flex flex-wrap gap-1">
                <StatusBadge status={s.status} /> {s.outcome && <StatusBadge status={s.outcome} />}
              </div>
            </td>
            <td className="hidden py-2 pr-3 @3xl:table-cell">
              <div className="flex flex-wrap gap-1">
                {s.source === "KNOWLEDGE_BASE" ? <Badge tone="green">Knowledge base</Badge> : s.source ? <Badge tone="violet">LLM</Badge> : "—"}
                {s.demo && <Badge tone="amber">demo</Badge>}
              </div>
            </td>
            <td className="hidden py-2 pr-3 tabular-nums @md:table-cell">{percent(s.confidenceScore)}</td>
            <td className="hidden py-2 text-slate-600 dark:text-slate-400 @sm:table-cell"><TimeAgo iso={s.createdAt} /></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
