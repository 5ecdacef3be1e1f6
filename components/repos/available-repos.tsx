"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { monitorRepoAction, unmonitorRepoAction } from "@/app/repos/actions";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/card";
import type { ManualWebhookSettings } from "@/server/repos/webhook-settings";

export function AvailableRepos() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const repos = useQuery(trpc.repos.available.queryOptions());
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ repo: string; error?: string; manual?: ManualWebhookSettings; reason?: string } | null>(null);
  const [filter, setFilter] = useState("");
  // Stop removes InfraFlow's webhook from the repository: asked for once more before it happens.
  const [confirming, setConfirming] = useState<string | null>(null);

  const act = (repo: string, action: typeof monitorRepoAction | typeof unmonitorRepoAction) =>
    startTransition(async () => {
      setBusy(repo);
      const result = await action(repo);
      setBusy(null);
      if (!result.ok) setNotice({ repo, error: result.error.message });
      else if ("webhook" in result.value && !result.value.webhook.installed) setNotice({ repo, manual: result.value.webhook.manual, reason: result.value.webhook.reason });
      else setNotice(null);
      await queryClient.invalidateQueries({ queryKey: trpc.repos.pathKey() });
    });

  if (repos.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Asking GitHub for your repositories…</p>;
  if (repos.isError) return <p className="text-sm text-rose-700">GitHub could not list your repositories: {repos.error.message}</p>;
  const shown = repos.data.filter((r) => r.fullName.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div className="space-y-3">
      {notice && (
        <div className={`rounded-md border p-3 text-sm ${notice.error ? "border-rose-200 bg-rose-50 text-rose-800" : "border-amber-200 bg-amber-50 text-amber-900"}`} role="status">
          {notice.error ? (
            <>Could not update {notice.repo}: {notice.error}</>
          ) : (
            notice.manual && (
              <>
                <p className="font-medium">{notice.repo} is monitored, but its webhook must be added by hand: {notice.reason}.</p>
                <p className="mt-1">In GitHub: Settings → Webhooks → Add webhook, with:</p>
                <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-1" data-testid="manual-webhook-settings">
                  <dt>Payload URL</dt><dd><code>{notice.manual.payloadUrl}</code></dd>
                  <dt>Content type</dt><dd><code>{notice.manual.contentType}</code></dd>
                  <dt>Secret</dt><dd>{notice.manual.secret}</dd>
                  <dt>Events</dt><dd><code>{notice.manual.events.join(", ")}</code></dd>
                  <dt>Active</dt><dd>checked</dd>
                </dl>
              </>
            )
          )}
        </div>
      )}
      <input aria-label="Filter repositories" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-full max-w-64 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" />
      {shown.length === 0 ? (
        <EmptyState title="No repositories">GitHub lists none for your account{filter && " matching the filter"}.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="available-repos">
          {shown.map((r) => (
            <li key={r.fullName} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <a href={r.htmlUrl} className="break-all font-medium hover:underline" target="_blank" rel="noreferrer">{r.fullName}</a>
                {r.private && <Badge>private</Badge>}
                {r.monitored && <Badge tone="green">monitored</Badge>}
              </div>
              {confirming === r.fullName ? (
                <div role="alertdialog" aria-label={`Stop monitoring ${r.fullName}?`} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
                  <span>Stop monitoring? InfraFlow removes its webhook from {r.fullName}.</span>
                  <button
                    type="button"
                    onClick={() => {
                      setConfirming(null);
                      act(r.fullName, unmonitorRepoAction);
                    }}
                    className="rounded-md bg-rose-700 px-3 py-1 text-sm font-medium text-white hover:bg-rose-600"
                  >
                    Yes, stop
                  </button>
                  <button type="button" onClick={() => setConfirming(null)} className="rounded-md border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800">
                    Cancel
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  disabled={pending && busy === r.fullName}
                  onClick={() => (r.monitored ? setConfirming(r.fullName) : act(r.fullName, monitorRepoAction))}
                  className={`rounded-md px-3 py-1 text-sm font-medium disabled:opacity-50 ${r.monitored ? "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800" : "bg-sky-700 text-white hover:bg-sky-600"}`}
                >
                  {busy === r.fullName ? "Working…" : r.monitored ? "Stop Monitoring" : "Monitor"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
