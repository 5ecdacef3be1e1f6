// A file deleted in one place and added in another with mostly the same lines is a move: the pair becomes
// one renamed file whose diff is the difference between the two contents, so moving a test file is not
// "deleting tests" and an @Ignore slipped into the moved copy is still a change.
import { structuredPatch } from "diff";
import { buildChangedFile, type ChangedFile } from "./changed-file";

const MIN_SIMILARITY = 0.5;

export function pairMovedFiles(files: ChangedFile[]): ChangedFile[] {
  const deleted = files.filter((f) => f.status === "deleted" && f.old.full);
  const added = files.filter((f) => f.status === "added" && f.new.full);
  if (deleted.length === 0 || added.length === 0) return files;
  const candidates: { d: ChangedFile; a: ChangedFile; score: number }[] = [];
  for (const d of deleted) {
    const dLines = lineSet(d.old.all().map((l) => l.raw));
    for (const a of added) {
      if (a.kind.lang !== d.kind.lang) continue;
      const sim = jaccard(dLines, lineSet(a.new.all().map((l) => l.raw)));
      const sameName = baseName(a.path) === baseName(d.path);
      if (sim >= MIN_SIMILARITY || (sameName && sim >= MIN_SIMILARITY / 2)) candidates.push({ d, a, score: sim + (sameName ? 0.25 : 0) });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  const used = new Set<ChangedFile>();
  const merged = new Map<ChangedFile, ChangedFile>();
  for (const c of candidates) {
    if (used.has(c.d) || used.has(c.a)) continue;
    used.add(c.d);
    used.add(c.a);
    const before = c.d.old.all().map((l) => l.raw);
    const after = c.a.new.all().map((l) => l.raw);
    const patch = structuredPatch(c.d.path, c.a.path, `${before.join("\n")}\n`, `${after.join("\n")}\n`, "", "", { context: 3 });
    merged.set(c.a, buildChangedFile({ oldPath: c.d.path, newPath: c.a.path, status: "renamed", hunks: patch.hunks, before, after }));
  }
  return files.filter((f) => !used.has(f) || merged.has(f)).map((f) => merged.get(f) ?? f);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

function lineSet(lines: string[]): Set<string> {
  return new Set(lines.map((l) => l.trim()).filter((l) => l.length > 2));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
