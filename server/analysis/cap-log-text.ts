// Keeps a log within a byte budget without losing its error region: the first lines (set-up, versions),
// every line of an error range with two lines of context before it, and the last lines (where the runner
// reports the failing step) are kept; the rest is replaced by one "… N lines omitted …" line per gap.
// It takes the lines one by one as the analysis streams them, so a huge log is never held in memory.

export interface CappedLog {
  text: string;
  truncated: boolean;
  /** Lines and UTF-8 bytes of the whole log. */
  totalLines: number;
  totalBytes: number;
}

interface Kept {
  n: number;
  line: string;
}

const HEAD_SHARE = 0.2;
const ERROR_SHARE = 0.5;
const CONTEXT = 2;

export class LogCapper {
  private n = 0;
  private totalBytes = 0;
  private readonly head: Kept[] = [];
  private headBytes = 0;
  private readonly errors: Kept[] = [];
  private errorBytes = 0;
  private tail: Kept[] = [];
  private tailStart = 0;
  private tailBytes = 0;
  private recent: Kept[] = [];

  constructor(private readonly maxBytes: number) {}

  push(line: string, inErrorRange: boolean): void {
    const kept = { n: ++this.n, line };
    const size = Buffer.byteLength(line) + 1;
    this.totalBytes += size;
    if (this.headBytes + size <= this.maxBytes * HEAD_SHARE && this.n === this.head.length + 1) {
      this.head.push(kept);
      this.headBytes += size;
      return;
    }
    if (inErrorRange) {
      for (const r of this.recent) this.keepError(r);
      this.keepError(kept);
    }
    this.recent.push(kept);
    if (this.recent.length > CONTEXT) this.recent.shift();
    this.tail.push(kept);
    this.tailBytes += size;
    const tailBudget = this.maxBytes * (1 - HEAD_SHARE - ERROR_SHARE);
    while (this.tailBytes > tailBudget && this.tailStart < this.tail.length) {
      this.tailBytes -= Buffer.byteLength(this.tail[this.tailStart]!.line) + 1;
      this.tailStart++;
    }
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  result(): CappedLog {
    const tail = this.tail.slice(this.tailStart);
    const all = [...this.head, ...this.errors, ...tail].sort((a, b) => a.n - b.n);
    const lines: string[] = [];
    let last = 0;
    for (const k of all) {
      if (k.n <= last) continue;
      if (k.n > last + 1) lines.push(`… ${k.n - last - 1} lines omitted …`);
      lines.push(k.line);
      last = k.n;
    }
    if (last < this.n) lines.push(`… ${this.n - last} lines omitted …`);
    return { text: lines.join("\n"), truncated: all.length < this.n, totalLines: this.n, totalBytes: this.totalBytes };
  }

  private keepError(k: Kept): void {
    if (this.errors.length > 0 && this.errors[this.errors.length - 1]!.n >= k.n) return;
    const size = Buffer.byteLength(k.line) + 1;
    if (this.errorBytes + size > this.maxBytes * ERROR_SHARE) return;
    this.errors.push(k);
    this.errorBytes += size;
  }
}
