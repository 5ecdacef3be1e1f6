"use client";
import { useQuery } from "@tanstack/react-query";
import { useLiveUpdates } from "@/components/live/use-live-updates";
import { useTRPC } from "@/components/trpc/client";
import type { LiveClientConfig } from "@/server/realtime/publisher";

const NO_REPOS: string[] = [];
const dot = { live: "bg-emerald-500", connecting: "bg-amber-400", offline: "bg-slate-400" } as const;

export function LiveIndicator({ config }: { config: LiveClientConfig | null }) {
  const trpc = useTRPC();
  // Pusher: the private channels of the repositories the user may read; SSE filters on the server.
  const readable = useQuery({ ...trpc.repos.readable.queryOptions(), enabled: config?.transport === "pusher" });
  const { status } = useLiveUpdates(config, readable.data ?? NO_REPOS);
  if (!config) return null;
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400" data-testid="live-status" data-status={status} title={`Live updates over ${config.transport}`}>
      <span className={`h-2 w-2 rounded-full ${dot[status]}`} />
      {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Offline"}
    </span>
  );
}
