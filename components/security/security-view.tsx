"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { StatusBadge } from "@/components/ui/badges";
import { Card, EmptyState, StatCard } from "@/components/ui/card";
import { shortSha } from "@/components/ui/format";
import { SEVERITIES, type Severity } from "@/server/security/read-scans";

export function SecurityView() {
  const trpc = useTRPC();
  const [repo, setRepo] = useState("");
  const [branch, setBranch] = useState("");
  const [severity, setSeverity] = useState<Severity | "">("");
  const filters = { repo: repo || undefined, branch: branch || undefined, severity: severity || undefined };
  const { data: stats } = useSuspenseQuery(trpc.security.stats.queryOptions({ repo: filters.repo }));
  const { data: scans } = useSuspenseQuery(trpc.security.scans.queryOptions(filters));
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <StatCard label="Scanned commits" value={stats.totalScans} />
        <StatCard label="Critical" value={stats.criticalCount} />
        <StatCard label="High" value={stats.highCount} />
        <StatCard label="Medium" value={stats.mediumCount} />
        <StatCard label="Low" value={stats.lowCount} />
      </div>
      <Card
        title="Findings"
        action={
          <div className="flex gap-2 text-sm">
            <input aria-label="Repository" placeholder="owner/repo" value={repo} onChange={(e) => setRepo(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
            <input aria-label="Branch" placeholder="branch" value={branch} onChange={(e) => setBranch(e.target.value)} className="w-28 rounded border border-slate-300 px-2 py-1" />
            <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity | "")} className="rounded border border-slate-300 px-2 py-1">
              <option value="">All severities</option>
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        }
      >
        {scans.length === 0 ? (
          <EmptyState title="No findings">Every push to a repository with InfraFlow&apos;s webhook is scanned for secrets, injection flaws and vulnerable dependencies.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="security-findings">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Severity</th>
                <th className="py-2 pr-4">Type</th>
                <th className="py-2 pr-4">Where</th>
                <th className="py-2 pr-4">Description</th>
                <th className="py-2">When</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {scans.map((f) => (
                <tr key={f.id}>
                  <td className="py-2 pr-4"><StatusBadge status={f.severity} /></td>
                  <td className="py-2 pr-4">{f.vulnerabilityType}{f.cveId && <div className="text-xs text-slate-500">{f.cveId}</div>}</td>
                  <td className="py-2 pr-4">
                    {f.repoFullName}
                    <div className="text-xs text-slate-500">{f.filePath}{f.lineNumber !== null && `:${f.lineNumber}`} @ <code>{shortSha(f.commitSha)}</code></div>
                  </td>
                  <td className="py-2 pr-4 text-slate-600">{f.description}</td>
                  <td className="py-2 text-slate-500"><TimeAgo iso={f.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
