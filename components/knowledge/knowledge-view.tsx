"use client";
// /knowledge: what the knowledge base learned — failure types, patterns with their fixes and the
// confidence each fix earned from CI outcomes, and the outcome history behind those numbers.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge, StatusBadge } from "@/components/ui/badges";
import { Card, EmptyState, ErrorState, Loading, StatCard } from "@/components/ui/card";
import { percent } from "@/components/ui/format";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { TimeAgo } from "@/components/ui/time-ago";
import { FAILURE_TYPES, type FailureType } from "@/server/analysis/failure-types";

const muted = "text-slate-600 dark:text-slate-400";

export function KnowledgeView() {
  const trpc = useTRPC();
  const [failureType, setFailureType] = useState<FailureType | "">("");
  const [open, setOpen] = useState<string | null>(null);
  const { data: stats } = useSuspenseQuery(trpc.knowledge.stats.queryOptions());
  const patterns = useQuery(trpc.knowledge.patterns.queryOptions({ failureType: failureType || undefined }));
  const maxCount = Math.max(1, ...stats.topFailureTypes.map((t) => t.count));
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-4">
        <StatCard label="Patterns" value={stats.totalPatterns} />
        <StatCard label="Fixes" value={stats.totalFixes} />
        <StatCard label="Average confidence" value={percent(stats.totalFixes ? stats.averageConfidence : null)} hint="earned from CI outcomes" />
        <StatCard label="Top failure type" value={<span className="break-words text-lg">{stats.topFailureTypes[0]?.type.replaceAll("_", " ") ?? "—"}</span>} />
      </div>
      <Card title="Failure types">
        {stats.topFailureTypes.length === 0 ? (
          <EmptyState title="No patterns yet" />
        ) : (
          <ul className="space-y-2 text-sm" data-testid="failure-type-breakdown">
            {stats.topFailureTypes.map((t) => (
              <li key={t.type} className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-3">
                <span className="truncate">{t.type}</span>
                <span aria-hidden="true" className="h-2 rounded-full bg-violet-600" style={{ width: `${(t.count / maxCount) * 100}%` }} />
                <span className="tabular-nums">{t.count} pattern{t.count === 1 ? "" : "s"}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title="Failure patterns"
        action={
          <div className="w-56">
            <LabelledSelect label="Failure type" all="All failure types" options={FAILURE_TYPES} value={failureType} onChange={(v) => setFailureType(v as FailureType | "")} />
          </div>
        }
      >
        {patterns.isPending ? (
          <Loading />
        ) : patterns.isError ? (
          <ErrorState message={patterns.error.message} onRetry={() => void patterns.refetch()} />
        ) : patterns.data.items.length === 0 ? (
          <EmptyState title="Nothing learned yet">A pattern is recorded when a fix is applied; fixes that pass CI are reused in milliseconds for the same failure.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="kb-patterns">
            {patterns.data.items.map((p) => (
              <li key={p.id} className="py-2.5 text-sm">
                <button
                  type="button"
                  aria-expanded={open === p.id}
                  className="flex w-full flex-wrap items-center justify-between gap-2 rounded text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                  onClick={() => setOpen(open === p.id ? null : p.id)}
                >
                  <span className="flex min-w-0 flex-wrap items-center gap-2">
                    <Badge tone="violet">{p.failureType}</Badge>
                    <code className={`text-xs ${muted}`}>{p.signature.slice(0, 12)}</code>
                    <span className="min-w-0 break-words text-slate-700 dark:text-slate-300">{p.signatureText.split("\n")[1] ?? ""}</span>
                  </span>
                  <span className={`text-xs ${muted}`}>
                    {p.fixCount} fixes · best {percent(p.fixCount ? p.bestConfidence : null)} · {p.hitCount} hits · seen <TimeAgo iso={new Date(p.lastSeenAt).toISOString()} />
                  </span>
                </button>
                {open === p.id && <PatternFixes patternId={p.id} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Outcome history">
        <Suspense fallback={<Loading />}>
          <OutcomeHistory />
        </Suspense>
      </Card>
    </div>
  );
}

function PatternFixes({ patternId }: { patternId: string }) {
  const trpc = useTRPC();
  const fixes = useQuery(trpc.knowledge.fixes.queryOptions({ patternId }));
  if (fixes.isPending) return <p className={`mt-2 text-xs ${muted}`} role="status">Loading fixes…</p>;
  if (fixes.isError) return <p className="mt-2 text-xs text-rose-800 dark:text-rose-300">{fixes.error.message}</p>;
  return (
    <ul className="mt-2 space-y-2" data-testid="kb-fixes">
      {fixes.data.map((f) => {
        const decided = f.successCount + f.failureCount;
        return (
          <li key={f.id} className="rounded-md border border-slate-200 p-3 text-xs dark:border-slate-700">
            <p className="text-sm text-slate-800 dark:text-slate-200">{f.strategy}</p>
            <p className={`mt-1 ${muted}`}>
              Confidence <strong className="text-slate-900 dark:text-slate-100">{percent(f.confidence)}</strong> · earned {decided ? `${f.successCount}/${decided} green (${percent(f.successCount / decided)})` : "no decided outcome yet"} · applied {f.appliedCount} · failed {f.failureCount - f.rejectedCount} · rejected {f.rejectedCount}
            </p>
            <p className="mt-1 break-all font-mono">{f.changes.map((c) => c.path).join(", ")}</p>
          </li>
        );
      })}
    </ul>
  );
}

function OutcomeHistory() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.insights.fixOutcomes.queryOptions({ limit: 20 }));
  if (data.items.length === 0) return <EmptyState title="No outcomes yet">Each applied, rejected or CI-verified knowledge-base fix is listed here.</EmptyState>;
  return (
    <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="kb-outcomes">
      {data.items.map((o) => (
        <li key={o.sessionId} className="flex flex-wrap items-center gap-2 py-2">
          <Link className="font-medium text-sky-800 hover:underline dark:text-sky-300" href={`/healing/${o.sessionId}`}>#{o.sessionId}</Link>
          <span className="min-w-0 break-all">{o.repoFullName}</span>
          <span className={muted}>{o.failureType ?? ""}</span>
          <span className="flex gap-1">
            <StatusBadge status={o.status} />
            <StatusBadge status={o.outcome} />
            {o.source === "KNOWLEDGE_BASE" ? <Badge tone="green">replayed</Badge> : <Badge tone="violet">taught</Badge>}
          </span>
          <TimeAgo iso={o.verifiedAt ?? o.createdAt} className={`ml-auto text-xs ${muted}`} />
        </li>
      ))}
    </ol>
  );
}
