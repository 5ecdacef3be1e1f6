"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SessionsTable } from "@/components/healing/sessions-table";
import { Card, StatCard } from "@/components/ui/card";
import {  duration  } from "@/components/ui/format";
import { PipelineFeed } from "./pipeline-feed";

export function DashboardView() {
  const trpc = useTRPC();
  const { data: stats } = useSuspenseQuery(trpc.dashboard.stats.queryOptions());
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4 lg:grid-cols-7">
        <StatCard label="Pipelines" value={stats.totalPipelines} />
        <StatCard label="Failed" value={stats.failedPipelines} />
        <StatCard label="Healed" value={stats.healedPipelines} />
        <StatCard label="Sessions" value={stats.totalHealingSessions} />
        <StatCard label="Pending approval" value={stats.pendingApproval} />
        <StatCard label="Successful heals" value={stats.successfulHeals} />
        <StatCard label="Mean time to repair" value={duration(stats.averageMTTR)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Pipeline feed">
          <PipelineFeed limit={20} />
        </Card>
        <Card title="Healing activity">
          <SessionsTable limit={10} />
        </Card>
      </div>
    </div>
  );
}
