// Multi-keyword scan in one pass over a line: which of many short literals occur in it, ASCII
// case-insensitively. Keywords of four or more characters are bucketed by a hash of their first four
// characters, shorter ones by their first two, one-character ones (non-ASCII symbols such as ✕) by
// themselves; the hash folds case with `| 0x20`, so each position of the line costs one char read and
// one typed-array read, and only the rare candidates are verified character by character.
// A keyword starting with "^" only counts at the start of the line.

interface Entry {
  keyword: string;
  id: number;
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const hash4 = (a: number, b: number, c: number, d: number) => (((a * 31 + b) * 31 + c) * 31 + d) & 0xffff;
const hash2 = (a: number, b: number) => ((a * 257) ^ b) & 0xffff;

export class KeywordIndex {
  // Typed tables: a large plain Array would sit in dictionary mode and make every lookup slow.
  private readonly quadHeads = new Int32Array(65536);
  private readonly pairHeads = new Int32Array(65536);
  private readonly singleHeads = new Int32Array(65536);
  private readonly buckets: Entry[][] = [[]];
  /** Anchored keywords by their first character (lower case). */
  private readonly anchored = new Map<number, Entry[]>();
  private hasPairs = false;
  private hasSingles = false;

  constructor(entries: { keyword: string; id: number }[]) {
    for (const { keyword, id } of entries) {
      if (keyword !== keyword.toLowerCase()) throw new Error(`keyword must be lower case: ${keyword}`);
      const f = (i: number) => keyword.charCodeAt(i) | 0x20;
      if (keyword.startsWith("^")) {
        const rest = keyword.slice(1);
        const list = this.anchored.get(rest.charCodeAt(0)) ?? [];
        list.push({ keyword: rest, id });
        this.anchored.set(rest.charCodeAt(0), list);
      } else if (keyword.length >= 4) {
        this.bucket(this.quadHeads, hash4(f(0), f(1), f(2), f(3))).push({ keyword, id });
      } else if (keyword.length >= 2) {
        this.hasPairs = true;
        this.bucket(this.pairHeads, hash2(f(0), f(1))).push({ keyword, id });
      } else if (keyword.length === 1) {
        if (keyword.charCodeAt(0) < 128) throw new Error(`one-character keyword must be a non-ASCII symbol: ${keyword}`);
        this.hasSingles = true;
        this.bucket(this.singleHeads, keyword.charCodeAt(0)).push({ keyword, id });
      }
    }
  }

  /** Calls `found(id)` for every keyword present (possibly more than once per id). */
  scan(text: string, found: (id: number) => void): void {
    const anchored = this.anchored.get(lower(text.charCodeAt(0)));
    if (anchored !== undefined) for (const e of anchored) if (matchesAt(text, 0, e.keyword)) found(e.id);
    const len = text.length;
    if (len === 0) return;
    const quads = this.quadHeads;
    const pairs = this.hasPairs;
    const singles = this.hasSingles;
    // Past the end charCodeAt gives NaN, which folds to 0x20: harmless, candidates are verified.
    let a = text.charCodeAt(0) | 0x20;
    let b = text.charCodeAt(1) | 0x20;
    let c = text.charCodeAt(2) | 0x20;
    for (let i = 0; i < len; i++) {
      const d = text.charCodeAt(i + 3) | 0x20;
      const head = quads[(((a * 31 + b) * 31 + c) * 31 + d) & 0xffff]!;
      if (head !== 0) this.verify(head, text, i, found);
      if (pairs) {
        const p = this.pairHeads[((a * 257) ^ b) & 0xffff]!;
        if (p !== 0) this.verify(p, text, i, found);
      }
      if (singles && a > 127) {
        const s = this.singleHeads[text.charCodeAt(i)]!;
        if (s !== 0) for (const e of this.buckets[s]!) found(e.id);
      }
      a = b;
      b = c;
      c = d;
    }
  }

  private verify(head: number, text: string, at: number, found: (id: number) => void): void {
    const bucket = this.buckets[head]!;
    for (let k = 0; k < bucket.length; k++) {
      const e = bucket[k]!;
      if (matchesAt(text, at, e.keyword)) found(e.id);
    }
  }

  private bucket(heads: Int32Array, key: number): Entry[] {
    if (heads[key] === 0) {
      heads[key] = this.buckets.length;
      this.buckets.push([]);
    }
    return this.buckets[heads[key]!]!;
  }
}

function matchesAt(text: string, at: number, keyword: string): boolean {
  if (at + keyword.length > text.length) return false;
  for (let j = 0; j < keyword.length; j++) if (lower(text.charCodeAt(at + j)) !== keyword.charCodeAt(j)) return false;
  return true;
}
