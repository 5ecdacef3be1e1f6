"use client";
// The overview's charts (recharts): failures and heals per day, the MTTR trend, failure types. Each chart
// is a labelled figure whose caption says what it shows in words, for readers who cannot see it.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/ui/card";
import { duration } from "@/components/ui/format";
import type { Insights } from "@/server/dashboard/get-insights";

const axis = { fill: "currentColor", fontSize: 11 };
const tooltip = { contentStyle: { background: "var(--color-slate-900)", border: "none", borderRadius: 6, color: "white", fontSize: 12 }, itemStyle: { color: "white" } };

function Figure({ id, caption, children }: { id: string; caption: string; children: React.ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0" data-testid={`chart-${id}`}>
      <figcaption id={`${id}-caption`} className="sr-only">{caption}</figcaption>
      <div className="h-56 w-full text-slate-600 dark:text-slate-400" aria-hidden="true">
        {children}
      </div>
    </figure>
  );
}

export function FailuresAndHealsChart({ days }: { days: Insights["days"] }) {
  const failures = days.reduce((n, d) => n + d.failures, 0);
  const heals = days.reduce((n, d) => n + d.heals, 0);
  if (failures + heals === 0) return <EmptyState title="No failures in this period">Failed pipeline runs and verified heals show up here per day.</EmptyState>;
  return (
    <Figure id="failures-heals" caption={`${failures} failed pipelines and ${heals} verified heals over the last ${days.length} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, left: -20, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={axis} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis tick={axis} allowDecimals={false} />
          <Tooltip {...tooltip} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="failures" name="Failed" fill="#e11d48" radius={[3, 3, 0, 0]} />
          <Bar dataKey="heals" name="Healed" fill="#059669" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function MttrChart({ days }: { days: Insights["days"] }) {
  const points = days.filter((d) => d.mttrSeconds !== null).map((d) => ({ day: d.day, minutes: Math.round((d.mttrSeconds! / 60) * 10) / 10 }));
  if (points.length === 0) return <EmptyState title="No verified fixes yet">The mean time from a failure to green CI on its fix, per day.</EmptyState>;
  const last = points.at(-1)!;
  return (
    <Figure id="mttr" caption={`Mean time to repair per day; latest ${duration(last.minutes * 60)} on ${last.day}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, left: -20, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={axis} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis tick={axis} unit="m" />
          <Tooltip {...tooltip} formatter={(v) => [`${v} min`, "MTTR"]} />
          <Line type="monotone" dataKey="minutes" name="MTTR (minutes)" stroke="#0284c7" strokeWidth={2} dot />
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
}

export function FailureTypesChart({ types }: { types: Insights["failureTypes"] }) {
  if (types.length === 0) return <EmptyState title="No failures to classify" />;
  const top = types.slice(0, 8).map((t) => ({ ...t, label: t.type.replaceAll("_", " ").toLowerCase() }));
  return (
    <Figure id="failure-types" caption={`Failure types: ${top.map((t) => `${t.label} ${t.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={top} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={axis} width={110} />
          <Tooltip {...tooltip} />
          <Bar dataKey="count" name="Failed runs" fill="#7c3aed" radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}
