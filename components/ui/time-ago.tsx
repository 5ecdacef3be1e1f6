"use client";
import { timeAgo } from "./format";

/** Relative time; the server and the browser render it a moment apart, so a differing text is expected. */
export function TimeAgo({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} className={className} suppressHydrationWarning>
      {timeAgo(iso)}
    </time>
  );
}
