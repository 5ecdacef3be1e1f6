"use client";
// Approve / Reject (reason) / Re-code (feedback): the buttons the session's state allows, calling the
// healing server actions, with progress and a toast for the result. Without push access they stay
// visible but disabled, with the reason next to them (the actions refuse such calls as well).
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { approveSessionAction, recodeSessionAction, rejectSessionAction } from "@/app/healing/actions";
import { useTRPC } from "@/components/trpc/client";
import type { Decision } from "@/server/healing/review/allowed-decisions";

const LABEL: Record<Decision, string> = { approve: "Approve", reject: "Reject", recode: "Re-code" };
const DONE: Record<Decision, string> = {
  approve: "Fix approved: InfraFlow is committing it to a fix branch and opening a pull request",
  reject: "Fix rejected",
  recode: "Re-code requested: a new attempt starts with your feedback",
};
const STYLE: Record<Decision, string> = {
  approve: "bg-emerald-700 text-white hover:bg-emerald-800 disabled:bg-emerald-700/50",
  reject: "bg-rose-700 text-white hover:bg-rose-800 disabled:bg-rose-700/50",
  recode: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
};

export function DecisionBar({ sessionId, allowed, canPush, blockedReason }: { sessionId: string; allowed: Decision[]; canPush: boolean; blockedReason: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<Decision | null>(null);
  const [dialog, setDialog] = useState<Exclude<Decision, "approve"> | null>(null);

  if (allowed.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No decision is open on this session.</p>;

  const decide = (decision: Decision, text = "") => {
    setRunning(decision);
    startTransition(async () => {
      try {
        const result =
          decision === "approve" ? await approveSessionAction(sessionId) : decision === "reject" ? await rejectSessionAction(sessionId, text) : await recodeSessionAction(sessionId, text);
        if (result.ok) {
          toast.success(DONE[decision]);
          setDialog(null);
        } else {
          toast.error(`${LABEL[decision]} failed: ${result.error.message}`, { description: result.error.code });
        }
      } catch (err) {
        toast.error(`${LABEL[decision]} failed: ${err instanceof Error ? err.message : "the server did not answer"}`);
      } finally {
        setRunning(null);
        await Promise.all([trpc.review.pathKey(), trpc.healing.pathKey()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
    });
  };

  const disabled = !canPush || pending;
  return (
    <div className="space-y-2" data-testid="decision-bar">
      <div className="flex flex-wrap gap-2">
        {allowed.map((d) => (
          <button
            key={d}
            type="button"
            disabled={disabled}
            aria-describedby={!canPush ? "decision-blocked" : undefined}
            onClick={() => (d === "approve" ? decide(d) : setDialog(d))}
            className={`rounded-md px-4 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed ${STYLE[d]}`}
          >
            {running === d ? `${LABEL[d]}…` : LABEL[d]}
          </button>
        ))}
      </div>
      {!canPush && blockedReason && (
        <p id="decision-blocked" className="text-sm text-amber-900 dark:text-amber-200">{blockedReason}</p>
      )}
      {pending && <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Working on it…</p>}
      {dialog && (
        <TextDialog
          title={dialog === "reject" ? "Reject this fix" : "Re-code with feedback"}
          label={dialog === "reject" ? "Why is the fix wrong?" : "What should the next attempt do differently?"}
          submit={dialog === "reject" ? "Reject fix" : "Re-code"}
          busy={pending}
          onCancel={() => setDialog(null)}
          onSubmit={(text) => decide(dialog, text)}
        />
      )}
    </div>
  );
}

function TextDialog({ title, label, submit, busy, onCancel, onSubmit }: { title: string; label: string; submit: string; busy: boolean; onCancel: () => void; onSubmit: (text: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  return (
    <dialog
      ref={(el) => {
        ref.current = el;
        if (el && !el.open) el.showModal();
      }}
      aria-labelledby="decision-dialog-title"
      onCancel={onCancel}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form
        className="space-y-3 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) onSubmit(text.trim());
        }}
      >
        <h2 id="decision-dialog-title" className="text-base font-semibold">{title}</h2>
        <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          {label}
          <textarea
            required
            autoFocus
            rows={4}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/40 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button type="submit" disabled={busy || !text.trim()} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-50 dark:bg-sky-700 dark:hover:bg-sky-600">
            {busy ? `${submit}…` : submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
