"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Badge, StatusBadge } from "@/components/ui/badges";
import { Card, EmptyState } from "@/components/ui/card";
import { percent, shortSha } from "@/components/ui/format";

export function SessionDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: s } = useSuspenseQuery(trpc.healing.session.queryOptions({ id }));
  const { data: audit } = useSuspenseQuery(trpc.healing.auditLog.queryOptions({ id }));
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Failure">
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <dt className="text-slate-500">Repository</dt>
            <dd>{s.repoFullName}</dd>
            <dt className="text-slate-500">Branch / commit</dt>
            <dd>
              {s.branch} @ <code>{shortSha(s.commitSha)}</code>
            </dd>
            <dt className="text-slate-500">Failure type</dt>
            <dd>{s.failureType ?? "—"}</dd>
            <dt className="text-slate-500">Status</dt>
            <dd className="flex gap-1">
              <StatusBadge status={s.status} />
              <StatusBadge status={s.outcome} />
              {s.demo && <Badge tone="amber">demo-mode fix</Badge>}
            </dd>
            <dt className="text-slate-500">Confidence</dt>
            <dd>{percent(s.confidenceScore)}</dd>
            <dt className="text-slate-500">Attempt</dt>
            <dd>{s.attemptNumber}</dd>
          </dl>
          {s.errorExcerpt && <pre className="mt-4 max-h-72 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{s.errorExcerpt}</pre>}
        </Card>
      </div>
      <Card title="Audit log">
        {audit.length === 0 ? (
          <EmptyState title="Nothing recorded yet" />
        ) : (
          <ol className="space-y-3 text-sm" data-testid="audit-log">
            {audit.map((a) => (
              <li key={a.id}>
                <div className="flex items-center gap-2">
                  <Badge tone={a.actor === "USER" ? "blue" : a.actor === "KNOWLEDGE_BASE" ? "green" : a.actor === "LLM" ? "violet" : "slate"}>{a.actor}</Badge>
                  <span className="font-medium">{a.action}</span>
                  <span className="ml-auto text-xs text-slate-400"><TimeAgo iso={a.createdAt} /></span>
                </div>
                {a.details && <p className="mt-0.5 text-slate-600">{a.details}</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
