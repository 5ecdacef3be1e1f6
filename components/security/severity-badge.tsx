import type { Severity } from "@/server/security/catalog";

const tone: Record<Severity, string> = {
  CRITICAL: "bg-rose-600 text-white ring-rose-700 dark:bg-rose-400 dark:text-rose-950",
  HIGH: "bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/40",
  MEDIUM: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40",
  LOW: "bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/40",
};

export function SeverityBadge({ severity }: { severity: string }) {
  const t = tone[severity as Severity] ?? tone.LOW;
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${t}`}>{severity}</span>;
}
