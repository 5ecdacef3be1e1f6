const tones: Record<string, string> = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  red: "bg-rose-50 text-rose-700 ring-rose-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  blue: "bg-sky-50 text-sky-700 ring-sky-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
};

export function Badge({ tone = "slate", children }: { tone?: keyof typeof tones; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

const statusTone: Record<string, keyof typeof tones> = {
  success: "green", SUCCEEDED: "green", APPLIED: "blue", PENDING_APPROVAL: "amber", ANALYZING: "violet",
  failure: "red", FAILED: "red", REJECTED: "slate", cancelled: "slate", queued: "slate", in_progress: "violet",
  CRITICAL: "red", HIGH: "red", MEDIUM: "amber", LOW: "slate",
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return <Badge tone={statusTone[status] ?? "slate"}>{status.replaceAll("_", " ")}</Badge>;
}
