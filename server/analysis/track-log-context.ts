// Where a line of a log sits: which step or command it belongs to (a "segment"), whether the CI service
// said that segment failed, and which phase (Maven goal, Gradle task, the command's kind) is running.
// GitHub Actions opens a step with "##[group]Run <command>" and annotates its failure with "##[error]";
// Travis CI and GitLab CI echo each command as "$ <command>" and end a failed one with
// `The command "<command>" exited with N.` (Travis) or "ERROR: Job failed: ..." (GitLab). Errors printed
// by steps that did not fail (continue-on-error, `|| true`, retried downloads) are then not the cause.
import { commandType, detectToolPhase } from "./detect-phase";
import type { FailureType } from "./failure-types";
import type { LogMarker } from "./normalize-log-line";

const MAX_SEGMENTS = 10_000;
const MAX_COMMANDS = 200;
const TRAVIS_FAILED = /^The command "(.*)" (?:exited with|failed and exited with) (\d+)(?: during .*)?\.$|^The command "(.*)" failed(?:\. Retrying, \d+ of \d+| \d+ times)?\.$/;
const GITLAB_FAILED = /^ERROR: Job failed\b/;

export interface Segment {
  index: number;
  /** "Run <command>" for a GitHub step, "$ <command>" for a Travis or GitLab command. */
  title: string;
  /** The kind of work its command does, when it is a well-known tool's. */
  type?: FailureType;
}

export class LogContext {
  segment = 0;
  title: string | undefined;
  /** Type of the running Maven goal / Gradle task, else of the current command. */
  phase: FailureType | undefined;
  readonly failedSegments = new Set<number>();
  failed = false;
  cancelled = false;
  private readonly segments = new Map<number, Segment>();
  private readonly commands = new Map<string, number>();
  private github = false;
  private afterScript = false;
  private lastScriptSegment = 0;

  /** Reads the structure a line carries, before the rules read the line itself. */
  observe(text: string, marker: LogMarker | undefined): void {
    if (marker === "group") {
      if (!text.startsWith("Run ")) return;
      this.github = true;
      this.open(text, text.slice(4));
      return;
    }
    if (marker !== undefined) return;
    const c = text.charCodeAt(0);
    if (c === 36 /* $ */ && text.charCodeAt(1) === 32 && !this.github) {
      const command = text.slice(2).trim();
      if (this.commands.size < MAX_COMMANDS || this.commands.has(command)) this.commands.set(command, this.segment + 1);
      this.open(text, command);
      if (!this.afterScript) this.lastScriptSegment = this.segment;
      return;
    }
    if (c === 84 /* T */ && text.startsWith("The command \"")) {
      const m = TRAVIS_FAILED.exec(text);
      if (m && (m[2] === undefined || m[2] !== "0")) this.markFailed(this.commands.get(m[1] ?? m[3] ?? "") ?? this.segment);
      return;
    }
    if (c === 69 /* E */ && GITLAB_FAILED.test(text)) {
      this.markFailed(this.afterScript ? this.lastScriptSegment : this.segment);
      return;
    }
    if (c === 82 /* R */ && text.startsWith("Running after_script")) {
      this.afterScript = true;
      return;
    }
    const tool = detectToolPhase(text);
    if (tool) this.phase = tool.type ?? this.segments.get(this.segment)?.type;
  }

  /** The runner annotated an error in the current segment (`##[error]`). */
  markFailed(segment = this.segment, cancellation = false): void {
    if (cancellation) this.cancelled = true;
    else this.failed = true;
    this.failedSegments.add(segment);
  }

  /** The failed segments' own commands, for the evidence their kind gives. */
  failedSegmentInfo(): Segment[] {
    return [...this.failedSegments].map((s) => this.segments.get(s)).filter((s): s is Segment => s !== undefined);
  }

  private open(title: string, command: string): void {
    if (this.segment >= MAX_SEGMENTS) return;
    this.segment++;
    this.title = title;
    this.phase = commandType(command);
    if (this.segments.size < MAX_COMMANDS) this.segments.set(this.segment, { index: this.segment, title, type: this.phase });
  }
}
