"use client";
// The overview (/): runbook §6 stats, charts over time (aggregated in SQL), the live pipeline feed and the
// sessions waiting for a person. Every query here is invalidated by the layout's live-updates hook.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense } from "react";
import { SessionsTable } from "@/components/healing/sessions-table";
import { useTRPC } from "@/components/trpc/client";
import { Card, EmptyState, Loading, StatCard } from "@/components/ui/card";
import { duration, percent } from "@/components/ui/format";
import { FailuresAndHealsChart, FailureTypesChart, MttrChart } from "./insight-charts";
import { PipelineFeed } from "./pipeline-feed";

const usd = (v: number | null) => (v === null ? "—" : `$${v.toFixed(2)}`);

export function DashboardView() {
  const trpc = useTRPC();
  const { data: stats } = useSuspenseQuery(trpc.dashboard.stats.queryOptions());
  const { data: insights } = useSuspenseQuery(trpc.insights.overview.queryOptions({ days: 30 }));
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-4 xl:grid-cols-7" data-testid="overview-stats">
        <StatCard label="Pipelines" value={stats.totalPipelines} />
        <StatCard label="Failed" value={stats.failedPipelines} />
        <StatCard label="Healed" value={stats.healedPipelines} />
        <StatCard label="Sessions" value={stats.totalHealingSessions} />
        <StatCard label="Pending approval" value={stats.pendingApproval} />
        <StatCard label="Successful heals" value={stats.successfulHeals} />
        <StatCard label="Mean time to repair" value={duration(stats.averageMTTR)} />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:gap-4">
        <StatCard
          label="Knowledge-base hit rate"
          value={percent(insights.knowledgeBase.hitRate)}
          hint={`${insights.knowledgeBase.kbSessions} of ${insights.knowledgeBase.sessions} fixes replayed, last 30 days`}
        />
        <StatCard label="LLM cost saved" value={usd(insights.llm.savedUsd)} hint="replayed fixes × mean LLM fix cost" />
        <StatCard label="LLM cost spent" value={usd(insights.llm.spentUsd)} hint={`mean ${usd(insights.llm.averageFixCostUsd)} per LLM fix`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Failures and heals, last 30 days">
          <FailuresAndHealsChart days={insights.days} />
        </Card>
        <Card title="Mean time to repair">
          <MttrChart days={insights.days} />
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Needs your decision" action={<Link className="text-sm text-sky-800 hover:underline dark:text-sky-300" href="/healing?status=PENDING_APPROVAL">All pending</Link>}>
          <div data-testid="needs-decision">
            <Suspense fallback={<Loading />}>
              <SessionsTable status="PENDING_APPROVAL" limit={8} empty={<EmptyState title="Nothing waits for you">Fixes that need a person appear here.</EmptyState>} />
            </Suspense>
          </div>
        </Card>
        <Card title="Failure types, last 30 days">
          <FailureTypesChart types={insights.failureTypes} />
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Live pipeline feed">
          <Suspense fallback={<Loading />}>
            <PipelineFeed limit={15} />
          </Suspense>
        </Card>
        <Card title="Healing activity">
          <Suspense fallback={<Loading />}>
            <SessionsTable limit={10} />
          </Suspense>
        </Card>
      </div>
    </div>
  );
}
