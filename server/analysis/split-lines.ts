// Incremental line splitter for log text that arrives in chunks. A line ends at "\r\n", "\n" or a lone
// "\r" (progress bars redraw with "\r"; the dataset's marked line numbers count it as a break), and a
// "\r\n" split across two chunks still counts once. Lines longer than `maxLineChars` are cut so one
// minified bundle or base64 blob cannot hold the whole log in memory.
export const DEFAULT_MAX_LINE_CHARS = 16_384;

export class LineSplitter {
  private carry = "";
  private carryTooLong = false;
  private pendingCR = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineChars = DEFAULT_MAX_LINE_CHARS,
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    let start = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === 10) start = 1;
    }
    const parts = (start === 0 ? chunk : chunk.slice(start)).split(/\r\n|\r|\n/);
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) this.emit(parts[i]!);
    const tail = parts[last]!;
    // A chunk ending in "\r" may be the first half of "\r\n": the split already ended the line.
    if (last > 0 && chunk.charCodeAt(chunk.length - 1) === 13) this.pendingCR = true;
    this.append(tail);
  }

  /** Flushes the last line when the log does not end with a newline. */
  end(): void {
    if (this.carry.length > 0 || this.carryTooLong) this.onLine(this.carry);
    this.carry = "";
    this.carryTooLong = false;
    this.pendingCR = false;
  }

  private emit(part: string): void {
    if (this.carry.length > 0 || this.carryTooLong) {
      const line = this.carryTooLong ? this.carry : (this.carry + part).slice(0, this.maxLineChars);
      this.carry = "";
      this.carryTooLong = false;
      this.onLine(line);
      return;
    }
    this.onLine(part.length > this.maxLineChars ? part.slice(0, this.maxLineChars) : part);
  }

  private append(tail: string): void {
    if (tail.length === 0 || this.carryTooLong) return;
    this.carry += tail;
    if (this.carry.length > this.maxLineChars) {
      this.carry = this.carry.slice(0, this.maxLineChars);
      this.carryTooLong = true;
    }
  }
}

/** Splits a whole text the same way (tests, small inputs). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((l) => lines.push(l));
  splitter.push(text);
  splitter.end();
  return lines;
}
