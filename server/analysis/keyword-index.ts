// Multi-keyword scan of a line: which of many short literals occur in it, ASCII case-insensitively.
// Wu–Manber: every keyword has at least four characters, so a window of four is read through its last
// two; a two-character block that ends no keyword's first four characters lets the scan skip ahead up
// to three positions, and only windows whose block can end one are looked up (by a hash of all four
// characters) and verified. Case is folded with `| 0x20` in the tables, so the loop never branches on it.
// A keyword starting with "^" only counts at the start of the line; one-character keywords are non-ASCII
// symbols (✕, ●) found by one native regex test.

interface Entry {
  keyword: string;
  id: number;
}

const M = 4;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const hash4 = (a: number, b: number, c: number, d: number) => (((a * 31 + b) * 31 + c) * 31 + d) & 0xffff;
const hash2 = (a: number, b: number) => ((a * 257) ^ b) & 0xffff;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class KeywordIndex {
  // Typed tables: a large plain Array would sit in dictionary mode and make every lookup slow.
  private readonly shift = new Uint8Array(65536).fill(M - 1);
  private readonly quadHeads = new Int32Array(65536);
  private readonly buckets: Entry[][] = [[]];
  private readonly anchored = new Map<number, Entry[]>();
  private readonly singles = new Map<number, number[]>();
  private readonly singlesTest: RegExp | undefined;

  constructor(entries: { keyword: string; id: number }[]) {
    for (const { keyword, id } of entries) {
      if (keyword !== keyword.toLowerCase()) throw new Error(`keyword must be lower case: ${keyword}`);
      if (keyword.startsWith("^")) {
        const rest = keyword.slice(1);
        const list = this.anchored.get(rest.charCodeAt(0)) ?? [];
        list.push({ keyword: rest, id });
        this.anchored.set(rest.charCodeAt(0), list);
      } else if (keyword.length === 1) {
        if (keyword.charCodeAt(0) < 128) throw new Error(`one-character keyword must be a non-ASCII symbol: ${keyword}`);
        this.singles.set(keyword.charCodeAt(0), [...(this.singles.get(keyword.charCodeAt(0)) ?? []), id]);
      } else {
        if (keyword.length < M) throw new Error(`keyword must have at least ${M} characters (or start with ^): ${keyword}`);
        const f = [0, 1, 2, 3].map((i) => keyword.charCodeAt(i) | 0x20) as [number, number, number, number];
        for (let j = 0; j <= M - 2; j++) {
          const key = hash2(f[j]!, f[j + 1]!);
          this.shift[key] = Math.min(this.shift[key]!, M - 2 - j);
        }
        const q = hash4(...f);
        if (this.quadHeads[q] === 0) {
          this.quadHeads[q] = this.buckets.length;
          this.buckets.push([]);
        }
        this.buckets[this.quadHeads[q]!]!.push({ keyword, id });
      }
    }
    this.singlesTest = this.singles.size > 0 ? new RegExp(`[${[...this.singles.keys()].map((c) => escape(String.fromCharCode(c))).join("")}]`) : undefined;
  }

  /** Calls `found(id)` for every keyword present (possibly more than once per id). */
  scan(text: string, found: (id: number) => void): void {
    const len = text.length;
    if (len === 0) return;
    const anchored = this.anchored.get(lower(text.charCodeAt(0)));
    if (anchored !== undefined) for (const e of anchored) if (matchesAt(text, 0, e.keyword)) found(e.id);
    if (this.singlesTest?.test(text)) {
      for (let i = 0; i < len; i++) {
        const ids = text.charCodeAt(i) > 127 ? this.singles.get(text.charCodeAt(i)) : undefined;
        if (ids) for (const id of ids) found(id);
      }
    }
    const shift = this.shift;
    const quads = this.quadHeads;
    let i = 0;
    while (i + M <= len) {
      const c = text.charCodeAt(i + 2) | 0x20;
      const d = text.charCodeAt(i + 3) | 0x20;
      const s = shift[((c * 257) ^ d) & 0xffff]!;
      if (s !== 0) {
        i += s;
        continue;
      }
      const a = text.charCodeAt(i) | 0x20;
      const b = text.charCodeAt(i + 1) | 0x20;
      const head = quads[(((a * 31 + b) * 31 + c) * 31 + d) & 0xffff]!;
      if (head !== 0) {
        const bucket = this.buckets[head]!;
        for (let k = 0; k < bucket.length; k++) {
          const e = bucket[k]!;
          if (matchesAt(text, i, e.keyword)) found(e.id);
        }
      }
      i++;
    }
  }
}

function matchesAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 0; j < keyword.length; j++) if (lower(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  return true;
}
