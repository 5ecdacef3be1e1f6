"use client";
// /repos/[owner]/[repo]: the repository's stats, failures and heals over time, its failure types, its
// pipeline history per branch (the branch is kept in the URL) and its healing timeline.
import { useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FailuresAndHealsChart, FailureTypesChart } from "@/components/dashboard/insight-charts";
import { PipelineFeed } from "@/components/dashboard/pipeline-feed";
import { SessionsTable } from "@/components/healing/sessions-table";
import { useTRPC } from "@/components/trpc/client";
import { Card, Loading, StatCard } from "@/components/ui/card";
import { duration } from "@/components/ui/format";
import { LabelledSelect } from "@/components/ui/labelled-select";

export function RepoDetail({ repo }: { repo: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const branch = params.get("branch") ?? "";
  const { data: branches } = useSuspenseQuery(trpc.dashboard.branches.queryOptions({ repo }));
  const { data: stats } = useSuspenseQuery(trpc.dashboard.stats.queryOptions({ repo }));
  const { data: insights } = useSuspenseQuery(trpc.insights.overview.queryOptions({ repo, days: 30 }));
  const setBranch = (b: string) => router.replace(b ? `${pathname}?branch=${encodeURIComponent(b)}` : pathname, { scroll: false });
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-4">
        <StatCard label="Pipelines" value={stats.totalPipelines} />
        <StatCard label="Failed" value={stats.failedPipelines} />
        <StatCard label="Healed" value={stats.healedPipelines} />
        <StatCard label="Mean time to repair" value={duration(stats.averageMTTR)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Failures and heals, last 30 days">
          <FailuresAndHealsChart days={insights.days} />
        </Card>
        <Card title="Failure types">
          <FailureTypesChart types={insights.failureTypes} />
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Pipeline history" action={<div className="w-48"><LabelledSelect label="Branch" all="All branches" options={branches} value={branch} onChange={setBranch} /></div>}>
          <Suspense fallback={<Loading />}>
            <PipelineFeed repo={repo} branch={branch || undefined} limit={50} />
          </Suspense>
        </Card>
        <Card title="Healing timeline">
          <Suspense fallback={<Loading />}>
            <SessionsTable repo={repo} limit={50} />
          </Suspense>
        </Card>
      </div>
    </div>
  );
}
