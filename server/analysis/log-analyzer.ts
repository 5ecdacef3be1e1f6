// The streaming core: one pass over a log, line by line, with bounded memory whatever the log's size.
// It keeps the evidence per rule, a bounded list of error ranges (each with its first lines for the
// excerpt and the signature) and a two-line context window; nothing else of the log is retained.
import type { AnalysisResult, LogFacts } from "./analysis-result";
import { buildExcerpt } from "./build-excerpt";
import { classifyFailure, type Evidence } from "./classify-failure";
import { computeSignature } from "./compute-signature";
import type { ErrorRange, StoredLine } from "./error-range";
import { matchRule, type RuleMatch } from "./match-rule";
import { normalizeLogLine } from "./normalize-log-line";
import { rankRanges, signatureLines } from "./rank-error-ranges";
import { isContinuation } from "./rules";
import { LogContext } from "./track-log-context";

export type { ErrorRange, StoredLine } from "./error-range";

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
const STORED_LINE_CHARS = 1000;
const WARNING_LEVEL = /^(##\[warning\]|\[(WARNING|WARN|warn)\] |WARNING: |warning: |npm (WARN|warn) | ?WARN  |W: |⚠ )/;
/** What a failed step's own command says about the failure when its output says nothing clearer. */
const COMMAND_EVIDENCE_WEIGHT = 3;

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
  private readonly context = new LogContext();
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
    const context = this.context;
    const segment = context.segment;
    context.observe(text, marker);
    // An error message never runs on into the next step or command.
    if (context.segment !== segment) this.closeOpen();
    const found = matchRule(text, marker, context.phase);
    // A tool's warning is evidence, not the error itself: it weighs half (a Maven metadata download that
    // fell back, a retried request, a deprecation the build survived).
    const match = found && (marker === "warning" || WARNING_LEVEL.test(text)) ? { ...found, weight: found.weight / 2, warning: true } : found;
    if (match && marker === "error" && match.weight > 0) context.markFailed(context.segment, match.rule.id === "actions.cancelled");
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
    const context = this.context;
    // Only the step that failed explains the failure: errors printed by earlier steps that passed anyway
    // (continue-on-error, `|| true`, retried downloads) are not the cause.
    const inFailedStep = (segment: number) => context.failedSegments.size === 0 || context.failedSegments.has(segment);
    const evidence = [...this.evidence.values()];
    const relevant = evidence.filter((e) => inFailedStep(e.segment));
    for (const s of context.failedSegmentInfo()) {
      if (s.type) relevant.push({ ruleId: "step.command", type: s.type, weight: COMMAND_EVIDENCE_WEIGHT, count: 1, lines: [], segment: s.index, summary: true });
    }
    const classification = classifyFailure(relevant.length > 0 ? relevant : evidence);
    const type = classification.failureType;
    const rangesInFailedSteps = this.ranges.filter((r) => inFailedStep(r.segment));
    const ranked = rankRanges(rangesInFailedSteps.length > 0 ? rangesInFailedSteps : this.ranges, type, this.maxReported);
    const { signature, signatureText } = computeSignature(type, signatureLines(ranked, type));
    const reported = (d: number) => ranked.some((r) => d >= r.start && d <= r.end);
    return {
      failureType: type,
      confidence: classification.confidence,
      decidingLines: classification.decidingLines.filter(reported),
      errorLines: ranked.map((r) => [r.start, r.end] as [number, number]),
      excerpt: buildExcerpt(ranked, type),
      signature,
      signatureText,
      facts: {
        lines: this.n,
        failed: context.failed,
        cancelledOnly: context.cancelled && !context.failed,
        score: classification.score,
        step: ranked[0]?.step,
        grade: classification.grade,
      },
    };
  }

  private record(match: RuleMatch, n: number): void {
    const segment = this.context.segment;
    const key = `${segment}:${match.rule.id}:${match.type}:${match.warning === true}`;
    const e = this.evidence.get(key);
    if (e) {
      e.count++;
      if (e.lines.length < 5) e.lines.push(n);
    } else {
      this.evidence.set(key, { ruleId: match.rule.id, type: match.type!, weight: match.weight, count: 1, lines: [n], segment, summary: match.rule.summary === true });
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
      this.open = { start: line.n, end: line.n, strength: 0, before, lines: [], types: {}, causes: {}, hints: {}, step: this.context.title, segment: this.context.segment };
      this.addLine(this.open, line);
      return true;
    }
    return false;
  }

  private addLine(range: ErrorRange, line: StoredLine): void {
    range.end = line.n;
    if (line.matched) {
      range.strength = Math.max(range.strength, line.weight);
      if (line.type) {
        range.types[line.type] = Math.max(range.types[line.type] ?? 0, line.weight);
        const side = line.summary ? undefined : line.warning ? range.hints : range.causes;
        if (side) side[line.type] = Math.max(side[line.type] ?? 0, line.weight);
      }
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
   * resolve all files" above "Received status code 502"; pip retries a name lookup that fails, then finds
   * "no versions"): the range's resolution evidence is counted for INFRASTRUCTURE instead.
   */
  private explain(range: ErrorRange): void {
    const resolution = range.types.DEPENDENCY_RESOLUTION;
    if (!resolution || !range.types.INFRASTRUCTURE) return;
    for (const e of this.evidence.values()) {
      if (e.segment === range.segment && e.type === "DEPENDENCY_RESOLUTION" && e.lines.every((l) => l >= range.start && l <= range.end)) {
        e.type = "INFRASTRUCTURE";
        e.ruleId = `${e.ruleId}+infra.explains-resolution`;
      }
    }
    range.causes.INFRASTRUCTURE = Math.max(range.causes.INFRASTRUCTURE ?? 0, resolution);
  }

}

function storedLine(n: number, text: string, match: RuleMatch | undefined): StoredLine {
  return {
    n,
    text: text.length > STORED_LINE_CHARS ? text.slice(0, STORED_LINE_CHARS) : text,
    weight: match?.weight ?? 0,
    type: match?.type,
    boilerplate: match?.rule.boilerplate ?? false,
    summary: match?.rule.summary ?? false,
    warning: match?.warning === true,
    matched: match !== undefined,
  };
}
