// Resolves the model's proposed changes against the files at the failing commit into whole files (the
// stored FixPlan shape): diffs applied, full contents taken, paths checked. All or nothing: the first
// change that cannot be resolved fails the whole fix with its path and reason.
import type { FixChange } from "../fix-plan";
import { applyModelDiff } from "./apply-model-diff";
import type { ShownFile } from "./assemble-context";
import type { ProposedChange } from "./fix-tool";
import { normalizeRepoPath } from "./normalize-repo-path";
import type { RepoSnapshot } from "./repo-snapshot";
import type { GenerateFailureKind } from "./types";

export type ResolvedChanges =
  | { ok: true; changes: FixChange[] }
  | { ok: false; kind: Extract<GenerateFailureKind, "patch-does-not-apply" | "path-outside-repo" | "invalid-output">; reason: string };

type Snapshot = Pick<RepoSnapshot, "paths" | "truncated" | "read">;

export async function resolveChanges(proposed: ProposedChange[], snapshot: Snapshot, shown: Map<string, ShownFile>): Promise<ResolvedChanges> {
  const changes: FixChange[] = [];
  const seen = new Set<string>();
  for (const change of proposed) {
    const normalized = normalizeRepoPath(change.path);
    if (!normalized.ok) return normalized;
    const path = existingSpelling(normalized.path, change.action, snapshot);
    if (seen.has(path)) return { ok: false, kind: "invalid-output", reason: `${path} is changed twice; one change per file` };
    seen.add(path);
    const resolved = await resolveOne({ ...change, path }, snapshot, shown);
    if (!resolved.ok) return resolved;
    if (resolved.change) changes.push(resolved.change);
  }
  if (changes.length === 0) return { ok: false, kind: "invalid-output", reason: "the proposed fix changes nothing: every change leaves its file as it is" };
  return { ok: true, changes };
}

async function resolveOne(
  change: ProposedChange,
  snapshot: Snapshot,
  shown: Map<string, ShownFile>,
): Promise<{ ok: true; change: FixChange | null } | Exclude<ResolvedChanges, { ok: true }>> {
  const { path } = change;
  const read = await snapshot.read(path);
  const exists = read.ok || !read.missing;
  if (change.action === "create") {
    if (exists) return { ok: false, kind: "invalid-output", reason: `${path} already exists at the failing commit; modify it instead of creating it` };
    return { ok: true, change: { path, action: "create", content: change.content!, originalContent: null } };
  }
  if (!exists) return { ok: false, kind: "patch-does-not-apply", reason: `${path} does not exist at the failing commit, so it cannot be ${change.action === "delete" ? "deleted" : "modified"}` };
  if (!read.ok) return { ok: false, kind: "invalid-output", reason: `${path} cannot be changed by a fix: ${read.reason}` };
  const original = read.content;
  if (change.action === "delete") return { ok: true, change: { path, action: "delete", content: "", originalContent: original } };

  let content: string;
  if (change.diff !== undefined) {
    const applied = applyModelDiff(original, change.diff);
    if (!applied.ok) return { ok: false, kind: "patch-does-not-apply", reason: `${path}: ${applied.reason}` };
    content = applied.content;
  } else {
    // Whole content replaces the file: only safe when the model saw the whole file, or it would drop the rest.
    if (!shown.get(path)?.complete) {
      return { ok: false, kind: "invalid-output", reason: `${path}: whole new content was given for a file the prompt showed only in part (or not at all); a diff was required` };
    }
    content = change.content!;
  }
  return { ok: true, change: content === original ? null : { path, action: "modify", content, originalContent: original } };
}

/** The model sometimes keeps a diff header's `a/` or `b/` prefix on the path: drop it when only that spelling exists. */
function existingSpelling(path: string, action: ProposedChange["action"], snapshot: Snapshot): string {
  if (action === "create" || snapshot.paths.has(path)) return path;
  const bare = /^[ab]\/(.+)$/.exec(path)?.[1];
  return bare && snapshot.paths.has(bare) ? bare : path;
}
