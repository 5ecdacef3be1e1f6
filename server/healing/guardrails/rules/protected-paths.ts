// A fix touches what it must not: a path that leaves the repository, git's own metadata, CI definitions
// (unless HEALING_ALLOW_WORKFLOW_EDITS), files that hold secrets; or it is too large to review.
import type { ChangedFile } from "../model/changed-file";
import type { GuardrailFinding } from "../types";
import { finding, type Rule } from "./rule";

export const protectedPaths: Rule = (ctx) => {
  const out: GuardrailFinding[] = [];
  for (const f of ctx.files) {
    for (const p of new Set([f.oldPath, f.newPath])) {
      if (p === null) continue;
      const outside = outsideRepository(p);
      if (outside) out.push({ ...finding("path-outside-repo", f, null, null, `${JSON.stringify(p)} ${outside}; a fix may only change files inside the repository`), path: p });
    }
    const paths = [f.oldPath, f.newPath].filter((p): p is string => p !== null);
    if (paths.some((p) => /(^|\/)\.git(\/|$)/.test(p))) {
      out.push(finding("protected-path", f, null, null, "changes git's own metadata (.git/); a fix changes tracked files only"));
      continue;
    }
    if (!ctx.options.allowWorkflowEdits && (f.kind.ci || f.oldKind.ci)) {
      out.push(finding("protected-path", f, null, null, "changes a CI definition; fixes may not edit CI files unless HEALING_ALLOW_WORKFLOW_EDITS=true"));
    }
    if (f.kind.secret || f.oldKind.secret) {
      out.push(finding("protected-path", f, null, null, "changes a file that holds secrets or credentials; a fix never touches those"));
    }
  }
  const changed = ctx.files.reduce((n, f) => n + changedLineCount(f), 0);
  if (ctx.files.length > ctx.options.maxFiles || changed > ctx.options.maxChangedLines) {
    const first = ctx.files[0];
    out.push({
      rule: "fix-too-large",
      path: first?.path ?? "",
      line: null,
      side: null,
      message: `the fix changes ${ctx.files.length} files and ${changed} lines; the limit is ${ctx.options.maxFiles} files and ${ctx.options.maxChangedLines} changed lines — too large to review as one fix`,
    });
  }
  return out;
};

function changedLineCount(f: ChangedFile): number {
  return f.lines.filter((l) => l.kind !== "ctx").length;
}

/** Why a path is outside the repository, or null when it is inside. */
export function outsideRepository(p: string): string | null {
  if (p.includes("\0")) return "contains a NUL byte";
  if (/^([A-Za-z]:)?[\\/]/.test(p)) return "is absolute";
  if (/^~/.test(p)) return "points into a home directory";
  let depth = 0;
  for (const seg of p.split(/[\\/]+/)) {
    if (seg === "..") depth--;
    else if (seg !== "." && seg !== "") depth++;
    if (depth < 0) return "climbs out of the repository (..)";
  }
  return null;
}
