// A fix is stored as file changes: per file a unified diff (re-applied with fuzz to the files at a later
// commit) and/or the full new content (used for files the fix creates). Given the file before and after,
// the diff is computed here, so callers can hand over whatever they have.
import { createHash } from "node:crypto";
import { createTwoFilesPatch } from "diff";
import { AppError } from "../errors";
import type { FileChange } from "./types";

export interface FileChangeInput {
  path: string;
  diff?: string;
  content?: string;
  /** The file as it was before the fix (null/undefined for a new file); with `content`, a diff is made. */
  originalContent?: string | null;
}

export function normalizeFixChanges(input: FileChangeInput[]): FileChange[] {
  if (input.length === 0) throw new AppError("BAD_REQUEST", "A fix needs at least one file change");
  const seen = new Set<string>();
  const changes = input.map((c) => {
    const path = c.path.trim().replace(/^\.\//, "");
    if (!path || path.startsWith("/") || /^[A-Za-z]:/.test(path) || path.split("/").includes("..")) {
      throw new AppError("BAD_REQUEST", `File change path must be relative to the repository: ${JSON.stringify(c.path)}`);
    }
    if (seen.has(path)) throw new AppError("BAD_REQUEST", `File ${path} is changed twice in one fix`);
    seen.add(path);
    let diff = c.diff;
    if (!diff && c.content !== undefined && typeof c.originalContent === "string") {
      diff = createTwoFilesPatch(`a/${path}`, `b/${path}`, c.originalContent, c.content, undefined, undefined, { context: 3 });
    }
    if (!diff && c.content === undefined) throw new AppError("BAD_REQUEST", `File change ${path} has neither a diff nor content`);
    const change: FileChange = { path };
    if (diff) change.diff = diff;
    if (c.content !== undefined) change.content = c.content;
    return change;
  });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The identity of a fix's content: the same changes generated twice are one fix. Only a diff's added and
 * removed lines count, not its context or line numbers, which differ when the change is made at another commit.
 */
export function fixContentHash(changes: FileChange[]): string {
  const canonical = changes.map((c) => [c.path, c.diff ? changedLines(c.diff) : null, c.diff ? null : (c.content ?? null)]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function changedLines(diff: string): string[] {
  const lines = diff.split("\n");
  const body = lines.slice(Math.max(0, lines.findIndex((l) => l.startsWith("@@")))); // skip ---/+++ headers
  return body.filter((l) => /^[+-]/.test(l)).map((l) => l.replace(/\s+$/, ""));
}
