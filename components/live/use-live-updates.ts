"use client";
// Subscribes the dashboard to live updates, over Pusher or Server-Sent Events depending on how the
// server is configured, and invalidates the queries each message concerns.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { LIVE_EVENT, repoChannel, type Channel, type LiveMessage } from "@/server/realtime/messages";
import type { LiveClientConfig } from "@/server/realtime/publisher";

export type LiveStatus = "connecting" | "live" | "offline";

/** `repos`: the repositories the user may read, whose private Pusher channels the browser joins (the SSE
 *  stream filters on the server instead). */
export function useLiveUpdates(config: LiveClientConfig | null, repos: string[] = []): { status: LiveStatus; last: (LiveMessage & { channel: Channel }) | null } {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [last, setLast] = useState<(LiveMessage & { channel: Channel }) | null>(null);

  useEffect(() => {
    if (!config) return;
    const keys: Record<Channel, QueryKey[]> = {
      "pipeline-events": [trpc.dashboard.pathKey(), trpc.insights.pathKey()],
      "healing-events": [trpc.healing.pathKey(), trpc.review.pathKey(), trpc.dashboard.pathKey(), trpc.insights.pathKey()],
      "security-events": [trpc.security.pathKey()],
      "knowledge-events": [trpc.knowledge.pathKey(), trpc.insights.pathKey()],
    };
    const onMessage = (channel: Channel, message: LiveMessage) => {
      setLast({ ...message, channel });
      for (const queryKey of keys[channel]) void queryClient.invalidateQueries({ queryKey });
    };

    if (config.transport === "sse") {
      const source = new EventSource(config.url);
      source.onopen = () => setStatus("live");
      source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
      source.addEventListener(LIVE_EVENT, (e) => {
        const { channel, ...message } = JSON.parse((e as MessageEvent<string>).data) as LiveMessage & { channel: Channel };
        onMessage(channel, message);
      });
      return () => source.close();
    }

    let disconnect = () => {};
    void import("pusher-js").then(({ default: Pusher }) => {
      const pusher = new Pusher(config.key, {
        cluster: config.cluster,
        forceTLS: config.forceTLS,
        ...(config.wsHost && { wsHost: config.wsHost, httpHost: config.wsHost }),
        ...(config.wsPort && { wsPort: config.wsPort, wssPort: config.wsPort }),
        channelAuthorization: { endpoint: config.authEndpoint, transport: "ajax" },
      });
      pusher.connection.bind("state_change", ({ current }: { current: string }) =>
        setStatus(current === "connected" ? "live" : current === "connecting" ? "connecting" : "offline"),
      );
      for (const repo of repos) {
        pusher.subscribe(repoChannel(repo)).bind(LIVE_EVENT, ({ channel, ...m }: LiveMessage & { channel: Channel }) => onMessage(channel, m));
      }
      disconnect = () => pusher.disconnect();
    });
    return () => disconnect();
  }, [config, queryClient, trpc, repos]);

  return { status, last };
}
