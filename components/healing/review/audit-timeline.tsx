import { Badge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import type { AuditLogEntryDto } from "@/server/healing/session-dto";

const TONE = { USER: "blue", KNOWLEDGE_BASE: "green", LLM: "violet" } as const;

export function AuditTimeline({ entries }: { entries: AuditLogEntryDto[] }) {
  if (entries.length === 0) return <EmptyState title="Nothing recorded yet" />;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-4 text-sm dark:border-slate-700" data-testid="audit-log">
      {entries.map((a) => (
        <li key={a.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.36rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-sky-600 dark:border-slate-900" />
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[a.actor as keyof typeof TONE] ?? "slate"}>{a.actor}</Badge>
            <span className="font-medium">{a.action}</span>
            <TimeAgo iso={a.createdAt} className="ml-auto text-xs text-slate-600 dark:text-slate-400" />
          </div>
          {a.details && <p className="mt-0.5 break-words text-slate-700 dark:text-slate-300">{a.details}</p>}
        </li>
      ))}
    </ol>
  );
}
