// Applies a unified diff the model wrote to the file at the failing commit. Models get hunk arithmetic
// wrong more often than content, so the hunk counts are recounted from the hunk bodies and a blank line
// inside a hunk is read as a blank context line; the content itself must match (at any offset, trailing
// whitespace aside), because a fuzzy match could put a change in the wrong place.
import { applyPatch, parsePatch, type StructuredPatch } from "diff";
import { sameIgnoringTrailingSpace } from "../../knowledge/reapply-fix";

export type DiffApplied = { ok: true; content: string } | { ok: false; reason: string };

const HUNK_HEADER = /^@@ -?(\d+)?(?:,\d+)? ?\+?(\d+)?(?:,\d+)? ?@@(.*)$/;
const FILE_HEADER = /^(diff --git |index |Index: |={10,}$|--- |\+\+\+ |new file mode|deleted file mode|old mode|new mode|similarity index|rename from|rename to)/;

export function applyModelDiff(original: string, diff: string): DiffApplied {
  const normalized = normalizeDiff(diff);
  if (!normalized.ok) return normalized;
  let patch: StructuredPatch;
  try {
    const parsed = parsePatch(normalized.text);
    if (parsed.length !== 1 || parsed[0]!.hunks.length === 0) return { ok: false, reason: "the diff has no hunks" };
    patch = parsed[0]!;
  } catch (err) {
    return { ok: false, reason: `the diff cannot be parsed: ${(err as Error).message}` };
  }
  const result = applyPatch(original, patch, { compareLine: sameIgnoringTrailingSpace });
  if (result !== false) return { ok: true, content: result };
  // Name the first hunk that does not fit, so the reviewer (or the next attempt) knows where it went wrong.
  for (let i = 1; i <= patch.hunks.length; i++) {
    if (applyPatch(original, { ...patch, hunks: patch.hunks.slice(0, i) }, { compareLine: sameIgnoringTrailingSpace }) === false) {
      const h = patch.hunks[i - 1]!;
      return { ok: false, reason: `hunk ${i} (@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@) does not match the file at the failing commit` };
    }
  }
  return { ok: false, reason: "the diff does not apply to the file at the failing commit" };
}

function normalizeDiff(diff: string): { ok: true; text: string } | { ok: false; reason: string } {
  const lines = diff.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const fileHeaders = lines.filter((l) => l.startsWith("--- ")).length;
  if (fileHeaders > 1) return { ok: false, reason: `the diff holds ${fileHeaders} files; each change carries the diff of its own file` };
  const out = ["--- a/file", "+++ b/file"];
  let hunk: { oldStart: number; newStart: number; body: string[]; rest: string } | null = null;
  const flush = () => {
    if (!hunk) return;
    const old = hunk.body.filter((l) => l[0] === " " || l[0] === "-").length;
    const added = hunk.body.filter((l) => l[0] === " " || l[0] === "+").length;
    // A pure insertion's old start names the line after which it goes; diff wants it that way too.
    out.push(`@@ -${hunk.oldStart},${old} +${hunk.newStart},${added} @@${hunk.rest}`, ...hunk.body);
  };
  for (const line of lines) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      flush();
      const oldStart = Number(header[1] ?? 1);
      hunk = { oldStart, newStart: Number(header[2] ?? oldStart), body: [], rest: header[3] ?? "" };
    } else if (!hunk) {
      if (!FILE_HEADER.test(line) && line.trim() !== "") return { ok: false, reason: `the diff starts with "${line.slice(0, 80)}" instead of a hunk header (@@ -start,count +start,count @@)` };
    } else if (line === "") {
      hunk.body.push(" ");
    } else if (" -+\\".includes(line[0]!)) {
      hunk.body.push(line);
    } else {
      return { ok: false, reason: `the diff has a line that is neither context, removal nor addition: "${line.slice(0, 80)}"` };
    }
  }
  flush();
  if (!hunk) return { ok: false, reason: "the diff has no hunks" };
  return { ok: true, text: `${out.join("\n")}\n` };
}
