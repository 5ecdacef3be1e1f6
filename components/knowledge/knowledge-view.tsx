"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badges";
import { Card, EmptyState, StatCard } from "@/components/ui/card";
import { percent } from "@/components/ui/format";
import { FAILURE_TYPES, type FailureType } from "@/server/analysis/failure-types";

export function KnowledgeView() {
  const trpc = useTRPC();
  const [failureType, setFailureType] = useState<FailureType | "">("");
  const [open, setOpen] = useState<string | null>(null);
  const { data: stats } = useSuspenseQuery(trpc.knowledge.stats.queryOptions());
  const { data: { items: patterns } } = useSuspenseQuery(trpc.knowledge.patterns.queryOptions({ failureType: failureType || undefined }));
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard label="Patterns" value={stats.totalPatterns} />
        <StatCard label="Fixes" value={stats.totalFixes} />
        <StatCard label="Average confidence" value={percent(stats.totalFixes ? stats.averageConfidence : null)} hint="earned from CI outcomes" />
        <StatCard label="Top failure type" value={stats.topFailureTypes[0]?.type.replaceAll("_", " ") ?? "—"} />
      </div>
      {stats.topFailureTypes.length > 0 && (
        <Card title="Failure types">
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="failure-type-breakdown">
            {stats.topFailureTypes.map((t) => (
              <li key={t.type}><Badge tone="blue">{t.type} · {t.count}</Badge></li>
            ))}
          </ul>
        </Card>
      )}
      <Card
        title="Failure patterns"
        action={
          <select aria-label="Failure type" value={failureType} onChange={(e) => setFailureType(e.target.value as FailureType | "")} className="rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">All failure types</option>
            {FAILURE_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        }
      >
        {patterns.length === 0 ? (
          <EmptyState title="Nothing learned yet">A pattern is recorded when a fix is applied; fixes that pass CI are reused in milliseconds for the same failure.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="kb-patterns">
            {patterns.map((p) => (
              <li key={p.id} className="py-2.5 text-sm">
                <button type="button" className="flex w-full items-center justify-between text-left" onClick={() => setOpen(open === p.id ? null : p.id)}>
                  <span className="min-w-0">
                    <Badge tone="violet">{p.failureType}</Badge>{" "}
                    <code className="text-xs text-slate-500">{p.signature.slice(0, 12)}</code>
                    <span className="ml-2 truncate text-slate-600">{p.signatureText.split("\n")[1] ?? ""}</span>
                  </span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {p.fixCount} fixes · best {percent(p.fixCount ? p.bestConfidence : null)} · {p.hitCount} hits · seen <TimeAgo iso={new Date(p.lastSeenAt).toISOString()} />
                  </span>
                </button>
                {open === p.id && <PatternFixes patternId={p.id} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function PatternFixes({ patternId }: { patternId: string }) {
  const trpc = useTRPC();
  const fixes = useQuery(trpc.knowledge.fixes.queryOptions({ patternId }));
  if (fixes.isPending) return <p className="mt-2 text-xs text-slate-500">Loading fixes…</p>;
  if (fixes.isError) return <p className="mt-2 text-xs text-rose-700">{fixes.error.message}</p>;
  return (
    <table className="mt-2 w-full text-xs">
      <thead className="text-slate-500">
        <tr><th className="text-left">Strategy</th><th>Confidence</th><th>Applied</th><th>Succeeded</th><th>Failed</th><th>Rejected</th><th>Files</th></tr>
      </thead>
      <tbody>
        {fixes.data.map((f) => (
          <tr key={f.id} className="text-center">
            <td className="py-1 text-left">{f.strategy}</td>
            <td>{percent(f.confidence)}</td>
            <td>{f.appliedCount}</td>
            <td>{f.successCount}</td>
            <td>{f.failureCount}</td>
            <td>{f.rejectedCount}</td>
            <td className="text-left font-mono">{f.changes.map((c) => c.path).join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
