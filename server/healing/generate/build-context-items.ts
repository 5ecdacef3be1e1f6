// Turns what was read from GitHub into prompt blocks, each with a priority for the token budget. Lower
// priorities are kept first: the failure and the developer's feedback always; then the files the error
// names (in the order it names them), the latest attempt, the breaking change, more of the job log, the
// knowledge base's hint, the workflow, the build manifests, the rest of the changed files, older attempts.
import { parsePatch } from "diff";
import type { FixHint } from "../../knowledge/reapply-fix";
import { renderBlock } from "./blocks";
import { fileWindows, type FileWindow } from "./file-windows";
import type { ErrorPath } from "./find-error-paths";
import { estimateTokens, type BudgetItem } from "./fit-to-budget";
import type { BreakingChange } from "./read-breaking-change";
import type { FileRead } from "./repo-snapshot";
import type { FailureToHeal, OmittedContext, PreviousAttempt } from "./types";
import { MAX_FEEDBACK_CHARS } from "../feedback-limit";

export type ItemKind = "failure" | "job-log" | "change" | "file" | "kb-hint" | "attempt" | "feedback";

export interface ContextItem extends BudgetItem {
  kind: ItemKind;
  text: string;
  window?: FileWindow;
}

export interface ContextMaterials {
  failure: FailureToHeal;
  logRegions: string;
  change: BreakingChange | null;
  errorPaths: ErrorPath[];
  files: Map<string, FileRead>;
  manifests: string[];
  workflowPath: string | null;
  previousAttempts: PreviousAttempt[];
  kbHint: FixHint | null;
}

export function buildContextItems(m: ContextMaterials): { items: ContextItem[]; unreadable: OmittedContext[] } {
  const items: ContextItem[] = [];
  const unreadable: OmittedContext[] = [];
  const add = (kind: ItemKind, label: string, priority: number, text: string, window?: FileWindow) =>
    items.push({ kind, label, priority, text, tokens: estimateTokens(text), ...(window ? { window } : {}) });
  const f = m.failure;

  add("failure", "failure excerpt", 0, renderBlock("failure_log", {
    repository: f.repoFullName, branch: f.branch, commit: f.commitSha, failure_type: f.failureType, job: f.job, step: f.step, workflow: f.workflowPath, run: f.runUrl,
  }, f.excerpt));
  if (m.logRegions) add("job-log", "job log error regions", 3, renderBlock("job_log", { job: f.job }, m.logRegions));

  const latest = m.previousAttempts.at(-1);
  m.previousAttempts.forEach((a) => {
    const body = [
      a.summary && `Summary: ${a.summary}`,
      a.failureReason && `Why it did not work: ${a.failureReason}`,
      a.diff && `Its diff:\n${a.diff}`,
    ].filter(Boolean).join("\n\n");
    add("attempt", `attempt ${a.attemptNumber}`, a === latest ? 1.5 : 8, renderBlock("previous_attempt", { number: a.attemptNumber }, body || "(no details recorded)"));
    if (a.feedback) {
      const feedback = a.feedback.length > MAX_FEEDBACK_CHARS ? `${a.feedback.slice(0, MAX_FEEDBACK_CHARS)}…` : a.feedback;
      add("feedback", `developer feedback on attempt ${a.attemptNumber}`, a === latest ? 0 : 8, renderBlock("developer_feedback", { attempt: a.attemptNumber }, feedback));
    }
  });

  if (m.change) {
    for (const file of m.change.files) {
      add("change", `change to ${file.path}`, 2, renderBlock("change", {
        base: m.change.baseSha, head: m.change.headSha, path: file.path, status: file.status, previous_path: file.previousPath,
      }, file.patch ?? "(no textual diff: binary or too large)"));
    }
  }

  // Each file once, in its most important role, with the lines of every role that names it.
  const roles = new Map<string, { role: string; priority: number; lines: number[] }>();
  const claim = (path: string, role: string, priority: number, lines: number[]) => {
    const existing = roles.get(path);
    if (existing) existing.lines.push(...lines.filter((l) => !existing.lines.includes(l)));
    else roles.set(path, { role, priority, lines: [...lines] });
  };
  m.errorPaths.forEach((e, i) => claim(e.path, "error", 1 + i / 1000, e.lines));
  if (m.workflowPath) claim(m.workflowPath, "workflow", 5, []);
  m.manifests.forEach((p, i) => claim(p, "manifest", 6 + i / 1000, []));
  for (const file of m.change?.files ?? []) if (file.status !== "removed") claim(file.path, "changed", 7, changedLines(file.patch));

  for (const [path, { role, priority, lines }] of roles) {
    const read = m.files.get(path);
    if (!read) {
      unreadable.push({ item: `file ${path}`, reason: "not read: only the first files of a large change are", tokens: 0 });
      continue;
    }
    if (!read.ok) {
      unreadable.push({ item: `file ${path}`, reason: read.reason, tokens: estimateTokens("x".repeat(Math.min(read.bytes, 10_000_000))) });
      continue;
    }
    for (const w of fileWindows(path, read.content, lines)) {
      const range = `lines ${w.startLine}-${w.endLine}`;
      add("file", `file ${path} (${role}, ${range} of ${w.totalLines})`, priority, renderBlock("file", {
        path, role, lines: w.totalLines === 0 ? "0" : `${w.startLine}-${w.endLine}`, total_lines: w.totalLines, complete: w.complete,
      }, w.text), w);
    }
  }

  if (m.kbHint) {
    const hint = m.kbHint;
    const changes = hint.changes.map((c) => `File ${c.path}:\n${c.diff ?? c.content ?? ""}`).join("\n\n");
    const problems = hint.problems.map((p) => `${p.path}: ${p.reason}`).join("\n");
    add("kb-hint", "knowledge-base hint", 4, renderBlock("knowledge_base_hint", { fix: hint.fixId }, [
      `A fix that worked for a similar failure before (it did not apply here as recorded):\nStrategy: ${hint.strategy}`,
      changes,
      problems && `Why it did not apply:\n${problems}`,
    ].filter(Boolean).join("\n\n")));
  }
  return { items, unreadable };
}

/** Lines of the new file a patch touches (its hunks' new ranges), to centre windows on them. */
function changedLines(patch: string | null): number[] {
  if (!patch) return [];
  try {
    const [parsed] = parsePatch(patch.startsWith("@@") ? `--- a\n+++ b\n${patch}` : patch);
    return (parsed?.hunks ?? []).map((h) => h.newStart + Math.floor(h.newLines / 2));
  } catch {
    return [];
  }
}
