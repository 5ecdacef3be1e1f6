"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense, useState } from "react";
import { PipelineFeed } from "@/components/dashboard/pipeline-feed";
import { SessionsTable } from "@/components/healing/sessions-table";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";

export function RepoDetail({ repo }: { repo: string }) {
  const trpc = useTRPC();
  const { data: branches } = useSuspenseQuery(trpc.dashboard.branches.queryOptions({ repo }));
  const [branch, setBranch] = useState("");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card
        title="Pipeline history"
        action={
          <select aria-label="Branch" value={branch} onChange={(e) => setBranch(e.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">All branches</option>
            {branches.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        }
      >
        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
          <PipelineFeed repo={repo} branch={branch || undefined} limit={50} />
        </Suspense>
      </Card>
      <Card title="Healing timeline">
        <SessionsTable repo={repo} />
      </Card>
    </div>
  );
}
