"use client";
import { useLiveUpdates } from "@/components/live/use-live-updates";
import type { LiveClientConfig } from "@/server/realtime/publisher";

const dot = { live: "bg-emerald-500", connecting: "bg-amber-400", offline: "bg-slate-400" } as const;

export function LiveIndicator({ config }: { config: LiveClientConfig | null }) {
  const { status } = useLiveUpdates(config);
  if (!config) return null;
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400" data-testid="live-status" data-status={status} title={`Live updates over ${config.transport}`}>
      <span className={`h-2 w-2 rounded-full ${dot[status]}`} />
      {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Offline"}
    </span>
  );
}
