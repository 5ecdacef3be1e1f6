// Maven's version order (ComparableVersion, simplified): numbers compare numerically, qualifiers by
// alpha < beta < milestone < rc < snapshot < release < sp, so 2.0-beta9 < 2.0 < 2.0.1.
const QUALIFIERS: Record<string, number> = { alpha: 1, a: 1, beta: 2, b: 2, milestone: 3, m: 3, rc: 4, cr: 4, snapshot: 5, "": 6, ga: 6, final: 6, release: 6, sp: 7 };

type Item = number | string;

function items(v: string): Item[] {
  return v
    .toLowerCase()
    .split(/[.-]|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/)
    .filter((s) => s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function compareItem(a: Item | undefined, b: Item | undefined): number {
  const norm = (x: Item | undefined): Item => (x === undefined ? "" : x);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "number" && typeof y === "number") return x - y;
  // A number outranks any qualifier; against a missing item only a non-zero number counts.
  if (typeof x === "number") return y === "" && x === 0 ? 0 : 1;
  if (typeof y === "number") return -compareItem(b, a);
  const qx = QUALIFIERS[x] ?? 6.5;
  const qy = QUALIFIERS[y] ?? 6.5;
  return qx !== qy ? qx - qy : x.localeCompare(y);
}

export function compareMavenVersions(a: string, b: string): number {
  const ia = items(a);
  const ib = items(b);
  for (let i = 0; i < Math.max(ia.length, ib.length); i++) {
    const c = compareItem(ia[i], ib[i]);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/** [introduced, fixed) ranges; introduced "0" means every earlier version. */
export function inRanges(version: string, ranges: [string, string][]): boolean {
  return ranges.some(([from, to]) => (from === "0" || compareMavenVersions(version, from) >= 0) && compareMavenVersions(version, to) < 0);
}
