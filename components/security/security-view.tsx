"use client";
// The Security page: stats, filters (kept in the URL) and findings with their fix advice. Its queries
// live under `security`, which the layout's live-updates hook invalidates on every security-events
// message, so a new scan shows up without a reload.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { TimeAgo } from "@/components/ui/time-ago";
import type { Severity } from "@/server/security/catalog";
import type { SecurityScanDto } from "@/server/security/read-scans";
import { FindingItem } from "./finding-item";
import { securityQueryInput, type SecurityFilterValues } from "./query-input";
import { SecurityFilters } from "./security-filters";
import { SeverityBadge } from "./severity-badge";

const panel = "rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900";

export function SecurityView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const paramsKey = params.toString();
  // The filters live in state (so quick successive changes compose) and are mirrored into the URL; a URL
  // change we did not write (back / forward, a link) is taken over.
  const [filters, setFilterState] = useState<SecurityFilterValues>(() => fromParams(paramsKey));
  const written = useRef(paramsKey);
  useEffect(() => {
    if (paramsKey !== written.current) {
      written.current = paramsKey;
      setFilterState(fromParams(paramsKey));
    }
  }, [paramsKey]);
  const input = securityQueryInput(filters);
  const stats = useQuery({ ...trpc.security.stats.queryOptions({ repo: input.repo, branch: input.branch }), placeholderData: (prev) => prev });
  const scans = useQuery({ ...trpc.security.scans.queryOptions(input), placeholderData: (prev) => prev });
  const targets = useQuery(trpc.security.targets.queryOptions());

  const setFilters = (next: SecurityFilterValues) => {
    setFilterState(next);
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    written.current = q.toString();
    router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
  };

  const counts: [string, Severity | null, number | undefined][] = [
    ["Critical", "CRITICAL", stats.data?.criticalCount],
    ["High", "HIGH", stats.data?.highCount],
    ["Medium", "MEDIUM", stats.data?.mediumCount],
    ["Low", "LOW", stats.data?.lowCount],
  ];

  return (
    <div className="space-y-6">
      <section aria-label="Scan statistics" className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <div className={`${panel} col-span-2 p-4 md:col-span-1`}>
          <div className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Scanned commits</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50" data-testid="stat-Scanned commits">{stats.data?.totalScans ?? "—"}</div>
          {stats.data?.lastScanAt && (
            <div className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              last <TimeAgo iso={stats.data.lastScanAt} />
            </div>
          )}
        </div>
        {counts.map(([label, severity, n]) => (
          <button
            key={label}
            type="button"
            onClick={() => setFilters({ ...filters, severity: filters.severity === severity ? "" : (severity ?? "") })}
            aria-pressed={filters.severity === severity}
            className={`${panel} p-4 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 aria-pressed:ring-2 aria-pressed:ring-sky-500`}
          >
            <div className="flex items-center justify-between">
              <span className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</span>
              {severity && <SeverityBadge severity={severity} />}
            </div>
            <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50" data-testid={`stat-${label}`}>{n ?? "—"}</div>
          </button>
        ))}
      </section>

      <section className={panel} aria-labelledby="findings-heading">
        <header className="space-y-3 border-b border-slate-100 px-4 py-3 dark:border-slate-800">
          <div className="flex items-center justify-between gap-2">
            <h2 id="findings-heading" className="text-sm font-semibold text-slate-800 dark:text-slate-100">
              Findings{scans.data ? ` (${scans.data.length})` : ""}
            </h2>
            {scans.isFetching && !scans.isPending && <span className="text-xs text-slate-500 dark:text-slate-400" role="status">Updating…</span>}
          </div>
          <SecurityFilters value={filters} targets={targets.data ?? []} onChange={setFilters} />
        </header>
        <FindingsBody scans={scans} filtered={Boolean(input.repo || input.branch || input.severity)} hasScans={(stats.data?.totalScans ?? 0) > 0} />
      </section>
    </div>
  );
}

function fromParams(search: string): SecurityFilterValues {
  const p = new URLSearchParams(search);
  return { repo: p.get("repo") ?? "", branch: p.get("branch") ?? "", severity: p.get("severity") ?? "" };
}

interface FindingsState {
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  data: SecurityScanDto[] | undefined;
  refetch: () => Promise<unknown>;
}

function FindingsBody({ scans, filtered, hasScans }: { scans: FindingsState; filtered: boolean; hasScans: boolean }) {
  if (scans.isPending) {
    return (
      <div className="space-y-3 p-4" role="status" aria-label="Loading findings">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-16 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />
        ))}
      </div>
    );
  }
  if (scans.isError) {
    return (
      <div className="p-4 text-sm" role="alert">
        <p className="font-medium text-rose-700 dark:text-rose-300">The findings could not be loaded: {scans.error?.message}</p>
        <button type="button" onClick={() => void scans.refetch()} className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800">
          Try again
        </button>
      </div>
    );
  }
  if (!scans.data || scans.data.length === 0) {
    return (
      <div className="m-4 rounded-md border border-dashed border-slate-300 px-4 py-8 text-center dark:border-slate-600" data-testid="security-empty">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-200">{filtered ? "No findings match these filters" : hasScans ? "No findings in the scanned commits" : "No findings yet"}</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          Every push to a monitored repository is scanned for hard-coded secrets, injection flaws and vulnerable dependencies.
        </p>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="security-findings">
      {scans.data.map((f) => (
        <FindingItem key={f.id} f={f} />
      ))}
    </ul>
  );
}
