// More of the failing job's log than the analysis' excerpt, when the caller has it: every line that
// reports an error (with a little context) and the log's tail, timestamps stripped. The excerpt names
// the deciding failure; these regions often hold its cause (a SyntaxError printed above a test failure).
import { cleanLogLine } from "../../analysis/normalize-log-line";

const ERROR_LINE = /\b(error|errors|exception|failed|failure|fatal|panic|traceback|cannot|undefined|not found|unexpected|assert\w*|expected)\b|##\[error\]|^\s*(E|FAIL|✖|×)\s/i;

export function logErrorRegions(log: string, o: { context?: number; tail?: number; maxLines?: number } = {}): string {
  const context = o.context ?? 4;
  const tail = o.tail ?? 25;
  const maxLines = o.maxLines ?? 400;
  const lines = log.split(/\r?\n/).map(cleanLogLine);
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (!ERROR_LINE.test(line)) return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  for (let j = Math.max(0, lines.length - tail); j < lines.length; j++) keep[j] = true;
  const out: string[] = [];
  let gap = false;
  let kept = 0;
  // Later lines matter more (the failure is near the end), so when over the cap, keep the last ones.
  const indexes = lines.map((_, i) => i).filter((i) => keep[i]);
  const chosen = new Set(indexes.slice(-maxLines));
  for (let i = 0; i < lines.length; i++) {
    if (chosen.has(i)) {
      if (gap && out.length > 0) out.push("…");
      out.push(lines[i]!);
      gap = false;
      kept++;
    } else gap = true;
  }
  return kept > 0 ? out.join("\n") : "";
}
