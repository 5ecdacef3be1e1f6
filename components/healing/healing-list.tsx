"use client";
// /healing: every session, filtered by status, repository, failure type and source, a page at a time.
// Filters and the page cursor live in the URL, so a filtered view can be shared and survives a reload.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, Loading } from "@/components/ui/card";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { FAILURE_TYPES } from "@/server/analysis/failure-types";
import { SessionsTable } from "./sessions-table";
import { SESSION_STATUSES, sessionsQueryFromParams } from "./sessions-query";

export function HealingList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = sessionsQueryFromParams((k) => params.get(k));
  const repos = useQuery(trpc.repos.readable.queryOptions());
  const filtered = Boolean(query.status || query.repo || query.failureType || query.source);

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  // A filter change starts again at the first page.
  const setFilter = (k: string) => (v: string) => router.replace(hrefWith({ [k]: v || null, cursor: null }), { scroll: false });

  return (
    <div className="space-y-4">
      <form className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
        <LabelledSelect label="Status" all="All statuses" options={SESSION_STATUSES.map((s) => ({ value: s, label: s.replaceAll("_", " ").toLowerCase() }))} value={query.status ?? ""} onChange={setFilter("status")} />
        <LabelledSelect label="Repository" all="All repositories" options={repos.data ?? (query.repo ? [query.repo] : [])} value={query.repo ?? ""} onChange={setFilter("repo")} />
        <LabelledSelect label="Failure type" all="All failure types" options={FAILURE_TYPES} value={query.failureType ?? ""} onChange={setFilter("failureType")} />
        <LabelledSelect label="Source" all="All sources" options={[{ value: "LLM", label: "LLM" }, { value: "KNOWLEDGE_BASE", label: "Knowledge base" }]} value={query.source ?? ""} onChange={setFilter("source")} />
      </form>
      <Suspense fallback={<Loading rows={5} label="Loading sessions…" />}>
        <SessionsTable
          {...query}
          empty={
            filtered ? (
              <EmptyState title="No sessions match these filters">
                <Link className="text-sky-800 underline dark:text-sky-300" href={pathname}>Clear the filters</Link>
              </EmptyState>
            ) : undefined
          }
        >
          {(nextCursor) =>
            (query.cursor || nextCursor) && (
              <nav aria-label="Pages" className="flex flex-wrap justify-between gap-2 pt-2 text-sm">
                {query.cursor ? <Link className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800" href={hrefWith({ cursor: null })}>First page</Link> : <span />}
                {nextCursor && <Link className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800" href={hrefWith({ cursor: nextCursor })}>Next page</Link>}
              </nav>
            )
          }
        </SessionsTable>
      </Suspense>
    </div>
  );
}
