"use client";
// The proposed fix, file by file: unified or split, each file collapsible, highlighted with the shiki
// tokens the server computed, guardrail findings shown under the lines they concern.
import { useMemo, useState } from "react";
import {
  Diff, Hunk, findChangeByNewLineNumber, findChangeByOldLineNumber, getChangeKey, parseDiff,
  type HunkData, type HunkTokens, type RenderToken, type TokenNode, type ViewType,
} from "react-diff-view";
import "react-diff-view/style/index.css";
import { Badge } from "@/components/ui/badges";
import type { ReviewFinding, SessionReview } from "@/server/healing/review/get-session-review";

type ReviewFile = SessionReview["files"][number];

const renderToken: RenderToken = (token, renderDefault, i) => {
  if (token.type !== "shiki") return renderDefault(token, i);
  return (
    <span key={i} className="shiki-token" style={{ "--shiki-l": token.light, "--shiki-d": token.dark } as React.CSSProperties}>
      {token.value}
    </span>
  );
};

function toHunkTokens(tokens: ReviewFile["tokens"]): HunkTokens {
  const side = (byLine: Record<number, [string, string, string][]>) => {
    const out: TokenNode[][] = [];
    for (const [n, line] of Object.entries(byLine)) out[Number(n) - 1] = line.map(([value, light, dark]) => ({ type: "shiki", value, light, dark }));
    return out;
  };
  return { old: side(tokens.old), new: side(tokens.new) };
}

export function FixDiff({ files, findings }: { files: ReviewFile[]; findings: ReviewFinding[] }) {
  const [view, setView] = useState<ViewType>("unified");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Diff view">
        {(["unified", "split"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`rounded-md border px-3 py-1 text-sm capitalize focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${view === v ? "border-slate-900 bg-slate-900 text-white dark:border-sky-600 dark:bg-sky-700" : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"}`}
          >
            {v}
          </button>
        ))}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {files.length} file{files.length === 1 ? "" : "s"} · +{files.reduce((n, f) => n + f.additions, 0)} −{files.reduce((n, f) => n + f.deletions, 0)}
        </span>
      </div>
      {files.map((f) => (
        <FileDiff key={f.path} file={f} view={view} findings={findings.filter((x) => x.path === f.path)} />
      ))}
    </div>
  );
}

function FileDiff({ file, view, findings }: { file: ReviewFile; view: ViewType; findings: ReviewFinding[] }) {
  const [open, setOpen] = useState(true);
  const parsed = useMemo(() => parseDiff(file.diff, { nearbySequences: "zip" })[0], [file.diff]);
  const tokens = useMemo(() => toHunkTokens(file.tokens), [file.tokens]);
  const hunks: HunkData[] = parsed?.hunks ?? [];
  const { widgets, fileLevel } = useMemo(() => placeFindings(hunks, findings), [hunks, findings]);
  const bodyId = `diff-${file.path.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <section className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-700" data-testid="diff-file" aria-label={`Changes to ${file.path}`}>
      <h3 className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
          className="flex w-full flex-wrap items-center gap-2 bg-slate-50 px-3 py-2 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 dark:bg-slate-800"
        >
          <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">{open ? "▾" : "▸"}</span>
          <span className="min-w-0 break-all font-mono font-medium text-slate-900 dark:text-slate-100">{file.path}</span>
          {file.action !== "modify" && <Badge tone={file.action === "create" ? "green" : "red"}>{file.action === "create" ? "new file" : "deleted"}</Badge>}
          {findings.length > 0 && <Badge tone="red">{findings.length} guardrail finding{findings.length === 1 ? "" : "s"}</Badge>}
          <span className="ml-auto font-mono text-xs">
            <span className="text-emerald-800 dark:text-emerald-300">+{file.additions}</span> <span className="text-rose-800 dark:text-rose-300">−{file.deletions}</span>
          </span>
        </button>
      </h3>
      {open && (
        <div id={bodyId}>
          {fileLevel.length > 0 && (
            <ul className="border-b border-slate-200 dark:border-slate-700">
              {fileLevel.map((f, i) => (
                <li key={i}><FindingNote finding={f} /></li>
              ))}
            </ul>
          )}
          {hunks.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">No line changes (the file&apos;s content is unchanged).</p>
          ) : (
            <div className="overflow-x-auto">
              <Diff viewType={view} diffType={parsed!.type} hunks={hunks} tokens={tokens} renderToken={renderToken} widgets={widgets}>
                {(hs) => hs.map((h) => <Hunk key={h.content} hunk={h} />)}
              </Diff>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Each finding under its line; findings on no shown line (or on the whole file) go above the diff. */
function placeFindings(hunks: HunkData[], findings: ReviewFinding[]) {
  const grouped: Record<string, ReviewFinding[]> = {};
  const fileLevel: ReviewFinding[] = [];
  for (const f of findings) {
    const change = f.line === null ? undefined : f.side === "old" ? findChangeByOldLineNumber(hunks, f.line) : findChangeByNewLineNumber(hunks, f.line);
    if (!change) fileLevel.push(f);
    else (grouped[getChangeKey(change)] ??= []).push(f);
  }
  const widgets: Record<string, React.ReactNode> = {};
  for (const [key, list] of Object.entries(grouped)) {
    widgets[key] = (
      <div>
        {list.map((f, i) => <FindingNote key={i} finding={f} />)}
      </div>
    );
  }
  return { widgets, fileLevel };
}

function FindingNote({ finding }: { finding: ReviewFinding }) {
  return (
    <div role="note" data-testid="guardrail-finding" className="flex flex-wrap items-start gap-2 border-l-4 border-rose-600 bg-rose-50 px-3 py-2 font-sans text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-100">
      <span className="font-semibold">Guardrail · {finding.rule}</span>
      {finding.line !== null && <span className="text-rose-800 dark:text-rose-200">line {finding.line}{finding.side === "old" ? " (removed)" : ""}</span>}
      <span className="basis-full">{finding.message}</span>
    </div>
  );
}
