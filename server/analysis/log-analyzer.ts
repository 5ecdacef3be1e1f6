// The streaming core: one pass over a log, line by line, with bounded memory whatever the log's size.
// It keeps the evidence per rule, a bounded list of error ranges (each with its first lines for the
// excerpt and the signature) and a two-line context window; nothing else of the log is retained.
import type { AnalysisResult, LogFacts } from "./analysis-result";
import { buildExcerpt } from "./build-excerpt";
import { classifyFailure, type Evidence } from "./classify-failure";
import { computeSignature } from "./compute-signature";
import type { FailureType } from "./failure-types";
import { matchRule, type RuleMatch } from "./match-rule";
import { normalizeLogLine } from "./normalize-log-line";
import { isContinuation, isStackFrame } from "./rules";

export interface StoredLine {
  n: number;
  text: string;
  weight: number;
  type?: FailureType;
  boilerplate: boolean;
  matched: boolean;
}

export interface ErrorRange {
  start: number;
  end: number;
  /** The strongest rule weight inside the range. */
  strength: number;
  before: StoredLine[];
  lines: StoredLine[];
  types: Partial<Record<FailureType, number>>;
  step?: string;
  /** Index of the GitHub step ("##[group]Run ...") the range is in; 0 before the first or without steps. */
  segment: number;
}

export interface LogAnalyzerOptions {
  /** Error ranges kept at most (the weakest are dropped first). */
  maxRanges?: number;
  /** Ranges reported at most. */
  maxReported?: number;
}

const CONTEXT_LINES = 2;
const GAP_LINES = 2;
const MAX_RANGE_LINES = 400;
const STORED_LINES_PER_RANGE = 40;
const STORED_LINE_CHARS = 400;
/** Ranges whose strongest line is at least this are tool errors; weaker ones are generic error words. */
const STRONG = 3;
const MAX_SEGMENTS = 10_000;
/** Plain lines after a matched line that join the signature: which symbol, package or assertion. */
const DETAIL_LINES = 2;

export class LogAnalyzer {
  private n = 0;
  // The two lines before the current one, for the context of a range that starts here (no allocation).
  private prevText = "";
  private prevN = 0;
  private prevPrevText = "";
  private prevPrevN = 0;
  private open: ErrorRange | undefined;
  private gap: StoredLine[] = [];
  private readonly ranges: ErrorRange[] = [];
  private readonly evidence = new Map<string, Evidence>();
  private step: string | undefined;
  private segment = 0;
  /** Steps the runner annotated with an error: the ones that failed. */
  private readonly failedSegments = new Set<number>();
  private failedMarker = false;
  private cancelMarker = false;
  private readonly maxRanges: number;
  private readonly maxReported: number;

  constructor(options: LogAnalyzerOptions = {}) {
    this.maxRanges = options.maxRanges ?? 200;
    this.maxReported = options.maxReported ?? 20;
  }

  /** Feeds the next line; returns whether it belongs to an error range (so far). */
  push(raw: string): boolean {
    const n = ++this.n;
    const { text, marker } = normalizeLogLine(raw);
    if (marker === "group" && text.startsWith("Run ")) {
      this.step = text;
      if (this.segment < MAX_SEGMENTS) this.segment++;
    }
    const match = matchRule(text, marker);
    if (match && marker === "error" && match.weight > 0) {
      if (match.rule.id === "actions.cancelled") this.cancelMarker = true;
      else this.failedMarker = true;
      this.failedSegments.add(this.segment);
    }
    if (match?.type && match.weight > 0) this.record(match, n);
    const shown = marker === "error" ? `##[error]${text}` : text;
    const inRange = this.open !== undefined || match !== undefined ? this.place(n, shown, text, match, marker !== undefined && marker !== "error" && marker !== "warning") : false;
    this.prevPrevText = this.prevText;
    this.prevPrevN = this.prevN;
    this.prevText = shown;
    this.prevN = n;
    return inRange;
  }

  /** Lines seen so far. */
  get lineCount(): number {
    return this.n;
  }

  finish(): AnalysisResult & { facts: LogFacts } {
    this.closeOpen();
    // In a GitHub job log only the step that failed explains the failure: errors printed by earlier steps
    // that passed anyway (continue-on-error, --fail-never, retried downloads) are not the cause.
    const inFailedStep = (segment: number) => this.failedSegments.size === 0 || this.failedSegments.has(segment);
    const evidence = [...this.evidence.values()];
    const relevant = evidence.filter((e) => inFailedStep(e.segment));
    const classification = classifyFailure(relevant.length > 0 ? relevant : evidence);
    const rangesInFailedSteps = this.ranges.filter((r) => inFailedStep(r.segment));
    const reported = this.reportedRanges(rangesInFailedSteps.length > 0 ? rangesInFailedSteps : this.ranges);
    const primary = pickPrimary(reported, classification.failureType, classification.decidingLines);
    const { signature, signatureText } = computeSignature(classification.failureType, signatureLines(reported, classification.failureType));
    return {
      failureType: classification.failureType,
      confidence: classification.confidence,
      decidingLines: classification.decidingLines,
      errorLines: reported.map((r) => [r.start, r.end] as [number, number]),
      excerpt: buildExcerpt(reported, primary),
      signature,
      signatureText,
      facts: {
        lines: this.n,
        failed: this.failedMarker,
        cancelledOnly: this.cancelMarker && !this.failedMarker,
        score: classification.score,
        step: (primary ?? reported[0])?.step,
      },
    };
  }

  private record(match: RuleMatch, n: number): void {
    const key = `${this.segment}:${match.rule.id}:${match.type}`;
    const e = this.evidence.get(key);
    if (e) {
      e.count++;
      if (e.lines.length < 5) e.lines.push(n);
    } else {
      this.evidence.set(key, { ruleId: match.rule.id, type: match.type!, weight: match.weight, count: 1, lines: [n], segment: this.segment });
    }
  }

  private place(n: number, shown: string, text: string, match: RuleMatch | undefined, isMarkerLine: boolean): boolean {
    const line = storedLine(n, shown, match);
    const open = this.open;
    if (open) {
      const blank = text.trim().length === 0;
      const extends_ =
        !isMarkerLine &&
        open.end - open.start < MAX_RANGE_LINES &&
        (match !== undefined || (!blank && isContinuation(text) && this.gap.every((g) => g.text.trim().length === 0)));
      if (extends_) {
        for (const g of this.gap) this.addLine(open, g);
        this.gap = [];
        this.addLine(open, line);
        return true;
      }
      if (!isMarkerLine && this.gap.length < GAP_LINES && open.end - open.start < MAX_RANGE_LINES) {
        this.gap.push(line);
        return false;
      }
      this.closeOpen();
    }
    if (match && match.weight > 0 && match.rule.start !== false) {
      const before = [this.prevPrevN, this.prevN]
        .map((pn, i) => ({ pn, text: i === 0 ? this.prevPrevText : this.prevText }))
        .filter(({ pn }) => pn > 0 && pn > n - 1 - CONTEXT_LINES)
        .map(({ pn, text: t }) => storedLine(pn, t, undefined));
      this.open = { start: line.n, end: line.n, strength: 0, before, lines: [], types: {}, step: this.step, segment: this.segment };
      this.addLine(this.open, line);
      return true;
    }
    return false;
  }

  private addLine(range: ErrorRange, line: StoredLine): void {
    range.end = line.n;
    if (line.matched) {
      range.strength = Math.max(range.strength, line.weight);
      if (line.type) range.types[line.type] = Math.max(range.types[line.type] ?? 0, line.weight);
    }
    if (range.lines.length < STORED_LINES_PER_RANGE) range.lines.push(line);
  }

  private closeOpen(): void {
    if (!this.open) return;
    this.explain(this.open);
    this.ranges.push(this.open);
    this.open = undefined;
    this.gap = [];
    if (this.ranges.length > this.maxRanges) {
      // Drop the weakest range, the latest of equals: early strong ranges are the ones reported first.
      let weakest = 0;
      for (let i = 1; i < this.ranges.length; i++) if (this.ranges[i]!.strength <= this.ranges[weakest]!.strength) weakest = i;
      this.ranges.splice(weakest, 1);
    }
  }

  /**
   * A network or runner failure printed inside a resolution error is its cause (Gradle prints "Could not
   * resolve all files" above "Received status code 502"): the range's resolution evidence is credited
   * to INFRASTRUCTURE as well, so the cause outweighs its wrapper.
   */
  private explain(range: ErrorRange): void {
    const resolution = range.types.DEPENDENCY_RESOLUTION;
    const infra = range.types.INFRASTRUCTURE;
    if (!resolution || !infra || infra < 5) return;
    const line = range.lines.find((l) => l.type === "INFRASTRUCTURE")?.n ?? range.start;
    const key = `${range.segment}:infra.explains-resolution`;
    const e = this.evidence.get(key);
    if (e) {
      e.count++;
      e.weight = Math.max(e.weight, resolution + 1);
      if (e.lines.length < 5) e.lines.push(line);
    } else {
      this.evidence.set(key, { ruleId: "infra.explains-resolution", type: "INFRASTRUCTURE", weight: resolution + 1, count: 1, lines: [line], segment: range.segment });
    }
  }

  private reportedRanges(ranges: ErrorRange[]): ErrorRange[] {
    const strong = ranges.filter((r) => r.strength >= STRONG);
    const pool = strong.length > 0 ? strong : ranges;
    if (pool.length <= this.maxReported) return pool;
    const keep = new Set([...pool].sort((a, b) => b.strength - a.strength || a.start - b.start).slice(0, this.maxReported));
    return pool.filter((r) => keep.has(r));
  }
}

function storedLine(n: number, text: string, match: RuleMatch | undefined): StoredLine {
  return {
    n,
    text: text.length > STORED_LINE_CHARS ? text.slice(0, STORED_LINE_CHARS) : text,
    weight: match?.weight ?? 0,
    type: match?.type,
    boilerplate: match?.rule.boilerplate ?? false,
    matched: match !== undefined,
  };
}

/** The range holding the strongest deciding line; the first range when nothing decided. */
function pickPrimary(ranges: ErrorRange[], type: FailureType, deciding: number[]): ErrorRange | undefined {
  let best: ErrorRange | undefined;
  let bestWeight = -1;
  for (const r of ranges) {
    const w = r.types[type] ?? -1;
    if (w > bestWeight && deciding.some((d) => d >= r.start && d <= r.end)) {
      best = r;
      bestWeight = w;
    }
  }
  return best ?? ranges[0];
}

/** Message lines of the ranges that carry the winning type (all reported ranges when none does). */
function signatureLines(ranges: ErrorRange[], type: FailureType): { text: string; weight: number }[] {
  const typed = ranges.filter((r) => (r.types[type] ?? 0) > 0);
  const out: { text: string; weight: number }[] = [];
  for (const r of typed.length > 0 ? typed : ranges) {
    let details = 0;
    for (const l of r.lines) {
      // Lines only a generic error word matched ("npm error Found: react@18") are details too.
      const plain = (!l.matched || (l.weight < 2 && !l.type && !l.boilerplate)) && /[A-Za-z]{2}/.test(l.text) && !isStackFrame(l.text);
      if (l.matched && !l.boilerplate && l.weight >= 2) {
        out.push({ text: l.text, weight: l.type === type ? l.weight : l.weight / 2 });
        details = DETAIL_LINES;
      } else if (details > 0 && plain) {
        out.push({ text: l.text, weight: 1 });
        details--;
      } else if (l.boilerplate) {
        details = 0;
      }
    }
  }
  return out;
}
