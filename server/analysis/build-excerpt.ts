// A short excerpt a person (or the LLM prompt) can read: the deciding range with two lines of context,
// preceded by the first reported range when that one comes earlier.
import type { ErrorRange, StoredLine } from "./log-analyzer";

const MAX_PRIMARY_LINES = 30;
const MAX_LEAD_LINES = 8;
const MAX_CHARS = 4000;

export function buildExcerpt(ranges: ErrorRange[], primary: ErrorRange | undefined): string {
  if (!primary) return "";
  const parts: string[] = [];
  const first = ranges[0];
  if (first && first !== primary && first.start < primary.start) {
    parts.push(render(first.lines.slice(0, MAX_LEAD_LINES)));
    parts.push("…");
  }
  const lines = primary.lines.slice(0, MAX_PRIMARY_LINES);
  const before = primary.before.filter((b) => b.n < primary.start && (parts.length === 0 || b.n > first!.end));
  parts.push(render([...before, ...lines]));
  if (primary.end > (lines.at(-1)?.n ?? primary.end)) parts.push("…");
  const text = parts.join("\n");
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function render(lines: StoredLine[]): string {
  return lines.map((l) => l.text).join("\n");
}
