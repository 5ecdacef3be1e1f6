"use client";
import { SEVERITIES } from "@/server/security/catalog";
import type { SecurityFilterValues } from "./query-input";


const select =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/** Repository, branch and severity: native selects, so they are labelled and keyboard-usable as they are. */
export function SecurityFilters({ value, targets, onChange }: { value: SecurityFilterValues; targets: { repoFullName: string; branches: string[] }[]; onChange: (v: SecurityFilterValues) => void }) {
  const branches = [...new Set((value.repo ? targets.filter((t) => t.repoFullName === value.repo) : targets).flatMap((t) => t.branches))].sort();
  return (
    <form className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Repository
        <select className={`${select} mt-1`} value={value.repo} onChange={(e) => onChange({ ...value, repo: e.target.value, branch: "" })}>
          <option value="">All repositories</option>
          {targets.map((t) => (
            <option key={t.repoFullName} value={t.repoFullName}>{t.repoFullName}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Branch
        <select className={`${select} mt-1`} value={value.branch} onChange={(e) => onChange({ ...value, branch: e.target.value })}>
          <option value="">All branches</option>
          {branches.map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Severity
        <select className={`${select} mt-1`} value={value.severity} onChange={(e) => onChange({ ...value, severity: e.target.value })}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
    </form>
  );
}
