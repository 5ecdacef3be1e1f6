"use client";
import { TimeAgo } from "@/components/ui/time-ago";
import { shortSha } from "@/components/ui/format";
import type { SecurityScanDto } from "@/server/security/read-scans";
import { SeverityBadge } from "./severity-badge";

/** One finding: what, where, why, and how to fix it (a disclosure, so the list stays scannable). */
export function FindingItem({ f }: { f: SecurityScanDto }) {
  const where = `${f.filePath ?? "(repository)"}${f.lineNumber !== null ? `:${f.lineNumber}` : ""}`;
  return (
    <li className="px-4 py-3" data-testid="security-finding" data-severity={f.severity} data-type={f.vulnerabilityType}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <SeverityBadge severity={f.severity} />
        <span className="font-medium text-slate-900 dark:text-slate-100">{f.vulnerabilityType.replaceAll("_", " ")}</span>
        {f.cwe !== null && <span className="text-xs text-slate-500 dark:text-slate-400">CWE-{f.cwe}</span>}
        {f.cveId && <span className="text-xs font-medium text-rose-700 dark:text-rose-300">{f.cveId}</span>}
        <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
          <TimeAgo iso={f.createdAt} />
        </span>
      </div>
      <p className="mt-1 break-all font-mono text-sm text-sky-800 dark:text-sky-300" data-testid="finding-location">{where}</p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{f.description}</p>
      {f.evidence && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Value (masked): <code className="rounded bg-slate-100 px-1 py-0.5 dark:bg-slate-800">{f.evidence}</code>
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500 dark:text-slate-400">
        <span>{f.repoFullName}</span>
        {f.branch && <span>branch {f.branch}</span>}
        <span>
          commit <code>{shortSha(f.commitSha)}</code>
        </span>
        {f.ruleId && <span>rule {f.ruleId}</span>}
      </div>
      {f.fixAdvice && (
        <details className="group mt-2 rounded-md border border-emerald-200 bg-emerald-50/60 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
          <summary className="cursor-pointer select-none rounded-md px-3 py-1.5 font-medium text-emerald-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-emerald-200">
            How to fix
          </summary>
          <p className="px-3 pb-2 text-emerald-950 dark:text-emerald-100" data-testid="fix-advice">{f.fixAdvice}</p>
        </details>
      )}
    </li>
  );
}
