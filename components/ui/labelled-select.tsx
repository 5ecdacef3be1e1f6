"use client";
// A native select inside its label: labelled and keyboard-usable as it is.
const select =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

export function LabelledSelect({ label, all, options, value, onChange }: {
  label: string;
  /** The empty option's text ("All …"); none when absent. */
  all?: string;
  options: readonly (string | { value: string; label: string })[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="block min-w-0 text-xs font-medium text-slate-700 dark:text-slate-300">
      {label}
      <select className={select} value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => {
          const { value: v, label: l } = typeof o === "string" ? { value: o, label: o } : o;
          return <option key={v} value={v}>{l}</option>;
        })}
      </select>
    </label>
  );
}
