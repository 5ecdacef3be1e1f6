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

export interface Answer {
  correct: boolean;
  confidence: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/** Answers grouped by confidence: within each bin, how confident the analysis said it was and how often it was right. */
export function reliability(answers: Answer[], edges = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001]): { bins: ReliabilityBin[]; ece: number } {
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const inBin = answers.filter((a) => a.confidence >= from && a.confidence < to);
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((s, a) => s + a.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((a) => a.correct).length / inBin.length;
    bins.push({ from, to: Math.min(to, 1), n: inBin.length, meanConfidence, accuracy });
    ece += (inBin.length / answers.length) * Math.abs(meanConfidence - accuracy);
  }
  return { bins, ece };
}

/** Per group (a source project), how many logs and how many were right. */
export function scoreByGroup<T>(items: T[], group: (t: T) => string, correct: (t: T) => boolean): { group: string; n: number; accuracy: number }[] {
  const by = new Map<string, { n: number; right: number }>();
  for (const t of items) {
    const g = by.get(group(t)) ?? { n: 0, right: 0 };
    g.n++;
    if (correct(t)) g.right++;
    by.set(group(t), g);
  }
  return [...by.entries()].map(([g, { n, right }]) => ({ group: g, n, accuracy: right / n })).sort((a, b) => a.accuracy - b.accuracy || b.n - a.n || a.group.localeCompare(b.group));
}
