// A short excerpt a person (or the LLM prompt) can read: the root-cause range with the two lines before
// it, then the tool's verdict for that failure when it comes later ("Failed to execute goal ...").
import type { ErrorRange, StoredLine } from "./error-range";
import type { FailureType } from "./failure-types";
import { rangeTier } from "./rank-error-ranges";

const MAX_CAUSE_LINES = 30;
const MAX_VERDICT_LINES = 8;
const MAX_CHARS = 4000;

export function buildExcerpt(ranked: ErrorRange[], type: FailureType): string {
  const first = ranked[0];
  if (!first) return "";
  const lines = first.lines.slice(0, MAX_CAUSE_LINES);
  const parts = [render([...first.before.filter((b) => b.n < first.start), ...lines])];
  if (first.end > (lines.at(-1)?.n ?? first.end)) parts.push("…");
  const verdict = rangeTier(first, type) < 2 ? ranked.find((r) => r.start > first.end && rangeTier(r, type) === 2) : undefined;
  if (verdict) {
    parts.push("…");
    parts.push(render(verdict.lines.slice(0, MAX_VERDICT_LINES)));
  }
  const text = parts.join("\n").replace(/\n…\n…\n/g, "\n…\n");
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function render(lines: StoredLine[]): string {
  return lines.map((l) => l.text).join("\n");
}
