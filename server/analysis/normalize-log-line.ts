// Turns one raw log line into the text the rules read: GitHub's per-line timestamp, ANSI colours,
// BuildKit/compose prefixes and the runner's `##[...]` markers are taken off (the marker is kept apart,
// because `##[error]` and `##[group]` carry meaning of their own).
export type LogMarker = "error" | "warning" | "notice" | "group" | "endgroup" | "section" | "command" | "debug";

export interface NormalizedLine {
  text: string;
  marker?: LogMarker;
}

// 2024-01-02T03:04:05.1234567Z — the runner prefixes every line of a job log with one.
const GITHUB_TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// CSI sequences (colours, cursor moves), OSC sequences (hyperlinks, titles), two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
const MARKER = /^##\[(error|warning|notice|group|endgroup|section|command|debug)\]/;
// Workflow commands echoed verbatim: ::error file=a.js,line=3::message
const WORKFLOW_COMMAND = /^::(error|warning|notice|group|endgroup|debug)(?: [^:]*)?::/;
// BuildKit progress lines ("#12 3.456 npm ERR! ...") and docker compose service prefixes ("web-1  | ").
const BUILDKIT_PREFIX = /^#\d+ (?:\d+\.\d+ )?/;
const COMPOSE_PREFIX = /^[\w.-]+-\d+\s+\| /;

export function normalizeLogLine(raw: string): NormalizedLine {
  let text = raw;
  const c0 = text.charCodeAt(0);
  if ((c0 >= 48 && c0 <= 57) || c0 === 0xfeff) {
    if (c0 === 0xfeff) text = text.slice(1);
    if (text.length >= 20 && text.charCodeAt(10) === 84 /* T */) text = text.replace(GITHUB_TIMESTAMP, "");
  }
  if (text.includes("\x1b")) text = text.replace(ANSI, "");
  let marker: LogMarker | undefined;
  const first = text.charCodeAt(0);
  if (first === 35 /* # */) {
    const m = MARKER.exec(text);
    if (m) {
      marker = m[1] as LogMarker;
      text = text.slice(m[0].length);
    } else if (BUILDKIT_PREFIX.test(text)) {
      text = text.replace(BUILDKIT_PREFIX, "");
    }
  } else if (first === 58 /* : */) {
    const m = WORKFLOW_COMMAND.exec(text);
    if (m) {
      marker = m[1] as LogMarker;
      text = text.slice(m[0].length);
    }
  } else if (text.includes(" | ") && COMPOSE_PREFIX.test(text)) {
    text = text.replace(COMPOSE_PREFIX, "");
  }
  return marker ? { text, marker } : { text };
}

/** ANSI-free, timestamp-free text of a line, for excerpts. */
export function cleanLogLine(raw: string): string {
  const n = normalizeLogLine(raw);
  return n.marker && n.marker !== "group" && n.marker !== "endgroup" ? `##[${n.marker}]${n.text}` : n.text;
}
