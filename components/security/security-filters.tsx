"use client";
import { SEVERITIES } from "@/server/security/catalog";
import type { SecurityFilterValues } from "./query-input";

const select =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/** A native select inside its label: labelled and keyboard-usable as it is. */
function LabelledSelect({ label, all, options, value, onChange }: { label: string; all: string; options: readonly string[]; value: string; onChange: (v: string) => void }) {
  return (
    <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
      {label}
      <select className={select} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

export function SecurityFilters({ value, targets, onChange }: { value: SecurityFilterValues; targets: { repoFullName: string; branches: string[] }[]; onChange: (v: SecurityFilterValues) => void }) {
  const branches = [...new Set((value.repo ? targets.filter((t) => t.repoFullName === value.repo) : targets).flatMap((t) => t.branches))].sort();
  return (
    <form className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
      <LabelledSelect label="Repository" all="All repositories" options={targets.map((t) => t.repoFullName)} value={value.repo} onChange={(repo) => onChange({ ...value, repo, branch: "" })} />
      <LabelledSelect label="Branch" all="All branches" options={branches} value={value.branch} onChange={(branch) => onChange({ ...value, branch })} />
      <LabelledSelect label="Severity" all="All severities" options={SEVERITIES} value={value.severity} onChange={(severity) => onChange({ ...value, severity })} />
    </form>
  );
}
