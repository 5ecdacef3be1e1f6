// The failing job's log excerpt, with the lines that carry the error marked (a bar and a label for
// screen readers, not colour alone).
export function ErrorExcerpt({ text, errorLines }: { text: string | null; errorLines: number[] }) {
  if (!text) return <p className="text-sm text-slate-600 dark:text-slate-400">No log excerpt was recorded.</p>;
  const marked = new Set(errorLines);
  return (
    <pre className="max-h-96 overflow-auto rounded-md bg-slate-950 py-2 text-xs leading-5 text-slate-100" data-testid="error-excerpt" tabIndex={0} aria-label="Error excerpt from the failed job's log">
      {text.split("\n").map((line, i) => (
        <div key={i} data-error-line={marked.has(i) || undefined} className={`whitespace-pre-wrap break-all px-3 ${marked.has(i) ? "border-l-4 border-rose-400 bg-rose-950 text-rose-100" : "border-l-4 border-transparent"}`}>
          {marked.has(i) && <span className="sr-only">Error line: </span>}
          {line || " "}
        </div>
      ))}
    </pre>
  );
}
