// The part of a file the prompt shows: the whole file when it is short, else windows of lines around the
// lines an error or a change names (merged where they overlap), else its head.
export interface FileWindow {
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  totalLines: number;
  /** The whole file is shown: the model may then answer with its full new content. */
  complete: boolean;
  text: string;
}

export interface WindowOptions {
  wholeFileMaxLines: number;
  radius: number;
  headLines: number;
}

export const DEFAULT_WINDOWS: WindowOptions = { wholeFileMaxLines: 400, radius: 30, headLines: 120 };

export function fileWindows(path: string, content: string, lines: number[], options: WindowOptions = DEFAULT_WINDOWS): FileWindow[] {
  const all = splitKeepingEnds(content);
  const total = all.length;
  if (total <= options.wholeFileMaxLines) return [{ path, startLine: 1, endLine: total, totalLines: total, complete: true, text: content }];
  const ranges = lines.length > 0 ? mergeRanges(lines.map((l) => [l - options.radius, l + options.radius] as [number, number]), total) : [[1, Math.min(total, options.headLines)] as [number, number]];
  return ranges.map(([start, end]) => ({ path, startLine: start, endLine: end, totalLines: total, complete: false, text: all.slice(start - 1, end).join("") }));
}

function mergeRanges(ranges: [number, number][], total: number): [number, number][] {
  const clamped = ranges.map(([s, e]) => [Math.max(1, s), Math.min(total, e)] as [number, number]).filter(([s, e]) => s <= e);
  clamped.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of clamped) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

function splitKeepingEnds(text: string): string[] {
  if (text === "") return [];
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
