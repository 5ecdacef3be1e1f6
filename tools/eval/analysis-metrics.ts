// Classification and error-range metrics for the analysis evaluation (pure, tested).
export interface Confusion {
  labels: string[];
  /** counts[gold][predicted] */
  counts: Map<string, Map<string, number>>;
}

export function confusion(pairs: { gold: string; predicted: string }[]): Confusion {
  const counts = new Map<string, Map<string, number>>();
  const labels = new Set<string>();
  for (const { gold, predicted } of pairs) {
    labels.add(gold);
    labels.add(predicted);
    const row = counts.get(gold) ?? new Map<string, number>();
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
    counts.set(gold, row);
  }
  return { labels: [...labels].sort(), counts };
}

export interface ClassScores {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class scores over every label seen as gold or predicted; macro-F1 averages them all. */
export function classScores(c: Confusion): { perClass: ClassScores[]; accuracy: number; macroF1: number } {
  let correct = 0;
  let total = 0;
  const perClass = c.labels.map((label) => {
    const tp = c.counts.get(label)?.get(label) ?? 0;
    let predicted = 0;
    let support = 0;
    for (const [gold, row] of c.counts) {
      predicted += row.get(label) ?? 0;
      if (gold === label) for (const v of row.values()) support += v;
    }
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    correct += tp;
    total += support;
    return { label, support, precision, recall, f1 };
  });
  const macroF1 = perClass.length === 0 ? 0 : perClass.reduce((s, x) => s + x.f1, 0) / perClass.length;
  return { perClass, accuracy: total === 0 ? 0 : correct / total, macroF1 };
}

export type Range = [number, number];

export function overlaps(a: Range, b: Range): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Whether the first reported range overlaps any marked range. */
export function firstRangeHit(reported: Range[], marked: Range[]): boolean {
  const first = reported[0];
  return first !== undefined && marked.some((m) => overlaps(first, m));
}

/** Share of marked lines that fall inside some reported range. */
export function lineRecall(reported: Range[], marked: Range[]): number {
  let hit = 0;
  let total = 0;
  for (const [s, e] of marked) {
    for (let n = s; n <= e; n++) {
      total++;
      if (reported.some(([a, b]) => n >= a && n <= b)) hit++;
    }
  }
  return total === 0 ? 0 : hit / total;
}
