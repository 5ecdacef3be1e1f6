"use client";
// The review page (/healing/[id]): what failed, the proposed fix and why, how sure InfraFlow is and
// where that confidence comes from, what it cost, what happened so far, and the decision buttons.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import type { SessionReview } from "@/server/healing/review/get-session-review";
import { Badge, StatusBadge } from "@/components/ui/badges";
import { Card, EmptyState } from "@/components/ui/card";
import { duration, percent, shortSha } from "@/components/ui/format";
import { AuditTimeline } from "./audit-timeline";
import { DecisionBar } from "./decision-bar";
import { ErrorExcerpt } from "./error-excerpt";
import { FixDiff } from "./fix-diff";

const link = "text-sky-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-300";

export function SessionReview({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: r } = useSuspenseQuery(trpc.review.session.queryOptions({ id }));
  const { data: audit } = useSuspenseQuery(trpc.healing.auditLog.queryOptions({ id }));
  const s = r.session;
  return (
    <div className="space-y-6" data-testid="session-review" data-status={s.status}>
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">Repository</dt>
            <dd className="min-w-0 break-words">
              <Link className={link} href={`/repos/${s.repoFullName}`}>{s.repoFullName}</Link>
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Branch</dt>
            <dd className="min-w-0 break-words">{s.branch} @ <code>{shortSha(s.commitSha)}</code></dd>
            <dt className="text-slate-600 dark:text-slate-400">Failure type</dt>
            <dd>{s.failureType ?? "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Status</dt>
            <dd className="flex flex-wrap gap-1" data-testid="session-status">
              <StatusBadge status={s.status} />
              <StatusBadge status={s.outcome} />
              {r.needsReview && <Badge tone="amber">needs review</Badge>}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Attempt</dt>
            <dd>
              {s.attemptNumber}
              {s.parentSessionId && <> · re-code of <Link className={link} href={`/healing/${s.parentSessionId}`}>#{s.parentSessionId}</Link></>}
            </dd>
          </dl>
          <nav aria-label="Related on GitHub" className="flex flex-col gap-1 text-sm">
            {r.links.run ? <a className={link} href={r.links.run} target="_blank" rel="noreferrer">Failed run{r.links.workflowName ? ` (${r.links.workflowName})` : ""}</a> : <span className="text-slate-600 dark:text-slate-400">No run link</span>}
            {r.links.fixBranch && <a className={link} href={r.links.fixBranch} target="_blank" rel="noreferrer">Fix branch {s.fixBranch}</a>}
            {r.links.pullRequest && <a className={link} href={r.links.pullRequest} target="_blank" rel="noreferrer">Pull request #{s.pullRequestNumber}</a>}
            {r.links.pullRequestChecks && <a className={link} href={r.links.pullRequestChecks} target="_blank" rel="noreferrer">Pull request CI</a>}
          </nav>
        </div>
        <div className="mt-4 border-t border-slate-100 pt-4 dark:border-slate-800">
          <DecisionBar sessionId={s.id} allowed={r.actions.allowed} canPush={r.actions.canPush} blockedReason={r.actions.blockedReason} />
          {r.decision.decidedBy && (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Decided by {r.decision.decidedBy}{r.decision.rejectionReason && <>: “{r.decision.rejectionReason}”</>}
            </p>
          )}
          {s.failureReason && <p className="mt-2 text-sm text-rose-800 dark:text-rose-300">{s.failureReason}</p>}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Root cause and fix" id="explanation">
            {r.plan ? (
              <div className="space-y-3 text-sm" data-testid="fix-explanation">
                <p className="font-medium text-slate-900 dark:text-slate-100">{r.plan.summary}</p>
                {r.plan.rootCause && <Section title="Root cause">{r.plan.rootCause}</Section>}
                {r.plan.explanation && <Section title="Explanation">{r.plan.explanation}</Section>}
                <Section title="Strategy">{r.plan.strategy}</Section>
                {r.plan.testsTouched && <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">This fix edits tests{r.plan.testsTouchedReason ? `: ${r.plan.testsTouchedReason}` : "."}</p>}
                {s.feedback && <Section title="Reviewer feedback for this attempt">{s.feedback}</Section>}
              </div>
            ) : (
              <EmptyState title={r.planUnreadable ? "The stored fix could not be read" : s.status === "ANALYZING" ? "Analyzing the failure…" : "No fix was proposed"}>
                {s.status === "ANALYZING" ? "The page updates when the fix is ready." : null}
              </EmptyState>
            )}
          </Card>
          {r.files.length > 0 && (
            <Card title="Proposed changes" id="changes">
              <FixDiff files={r.files} findings={r.findings} />
            </Card>
          )}
          <Card title="Error excerpt" id="excerpt">
            <ErrorExcerpt text={s.errorExcerpt} errorLines={r.errorLines} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Confidence" id="confidence">
            <ConfidencePanel r={r} />
          </Card>
          <Card title="LLM usage" id="llm">
            {r.llm ? (
              <dl className="grid grid-cols-2 gap-y-1 text-sm" data-testid="llm-usage">
                <dt className="text-slate-600 dark:text-slate-400">Model</dt><dd className="break-words">{r.llm.model ?? "—"}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Input tokens</dt><dd className="tabular-nums">{r.llm.inputTokens.toLocaleString("en")}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Output tokens</dt><dd className="tabular-nums">{r.llm.outputTokens.toLocaleString("en")}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Cache read / write</dt><dd className="tabular-nums">{r.llm.cacheReadTokens.toLocaleString("en")} / {r.llm.cacheWriteTokens.toLocaleString("en")}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Cost</dt><dd className="tabular-nums">{r.llm.costUsd === null ? "—" : `$${r.llm.costUsd.toFixed(4)}`}</dd>
              </dl>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{s.source === "KNOWLEDGE_BASE" ? "None: the fix was replayed from the knowledge base." : "No model call recorded."}</p>
            )}
            {r.decision.mttrSeconds !== null && <p className="mt-2 text-sm">Time to repair: <strong>{duration(r.decision.mttrSeconds)}</strong></p>}
          </Card>
          <Card title="Audit log" id="audit">
            <AuditTimeline entries={audit} />
          </Card>
        </div>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h3>
      <p className="mt-0.5 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{children}</p>
    </div>
  );
}

function ConfidencePanel({ r }: { r: SessionReview }) {
  const c = r.confidence;
  return (
    <div className="space-y-2 text-sm" data-testid="confidence">
      <div className="text-3xl font-semibold tabular-nums">{percent(c.score)}</div>
      <div className="flex flex-wrap gap-1">
        {c.source === "KNOWLEDGE_BASE" ? <Badge tone="green">Knowledge base</Badge> : c.source === "LLM" ? <Badge tone="violet">LLM</Badge> : <Badge>no source yet</Badge>}
        {c.demo && <Badge tone="amber">demo mode</Badge>}
      </div>
      {c.earned && (
        <p className="text-slate-700 dark:text-slate-300">
          Earned: {c.earned.successes} green CI run{c.earned.successes === 1 ? "" : "s"} of {c.earned.successes + c.earned.failures} decided
          {c.earned.rate !== null && <> ({percent(c.earned.rate)})</>}; the fix&apos;s confidence is {percent(c.earned.confidence)}.
        </p>
      )}
      {c.source === "LLM" && r.plan?.proposedConfidence != null && (
        <p className="text-slate-700 dark:text-slate-300">The model proposed {percent(r.plan.proposedConfidence)}; combined with the outcomes of earlier LLM fixes.</p>
      )}
      {c.demo && <p className="text-slate-700 dark:text-slate-300">A recorded demo answer, not a live model call.</p>}
    </div>
  );
}
