// The failure signature: a fingerprint that stays the same when the same failure happens again (re-run,
// another runner or OS, another matrix job, another day) and changes when the failure is a different one.
import { createHash } from "node:crypto";
import type { FailureType } from "./failure-types";

export const MAX_SIGNATURE_LINES = 12;

/**
 * Signature algorithm.
 *
 * 1. Input: the failure type and the "message lines" of the reported error ranges that carry evidence for
 *    that type: every line that matched a rule (weight >= 2, not boilerplate such as Maven's help text or
 *    "Process completed with exit code 1") plus up to two plain lines after it (the detail: which
 *    symbol, which package, which assertion). Stack frames, blank lines and group markers never count.
 * 2. Each line is normalized (normalizeSignatureLine) in this order:
 *    - GitHub timestamps, ANSI colours and log-level prefixes ([ERROR], npm ERR!, E  , ##[error]) go;
 *    - backslashes become slashes; runner workspaces (/home/runner/work/r/r/, D:/a/r/r/, /builds/x/,
 *      /Users/runner/work/r/r/), tool caches (/opt/hostedtoolcache/...), site-packages and temp dirs
 *      (/tmp/..., /var/folders/..., AppData/Local/Temp/...) become <ws>/, <tool>/, <site>/, <tmp>/;
 *      any other absolute path keeps only its last two segments;
 *    - ISO dates and clock times -> <time>; durations ("0.036 s", "12ms", "1m 12s", "01:06 min") -> <dur>;
 *      UUIDs -> <uuid>; hex ids of 7+ chars with a digit (commit SHAs, container ids, 0x addresses) -> <hex>;
 *      other random lower-case ids of 10+ letters and digits with 2+ of each (BuildKit refs) -> <id>;
 *      IPv4 addresses and host:port -> <host>; line/column positions (:12:5, [12,5], (12,5), "line 12")
 *      -> :N; timing fields (duration_ms: 0.17) -> <dur>; decimals with 3+ fraction digits -> <num>; the
 *      remaining standalone integers (run ids, PIDs, ports, counts) -> N. Dotted version numbers
 *      (1.2.3) are kept: a different dependency version is a different failure.
 *    - whitespace is collapsed; the line is cut at 240 characters.
 * 3. Lines are de-duplicated; when there are more than 12, the 12 with the strongest evidence are kept
 *    (ties by text), then sorted alphabetically, so the order in which parallel tests or modules report
 *    does not matter.
 * 4. signatureText = "<FailureType>\n" + the lines joined by "\n"; signature = hex SHA-256 of it.
 *    signatureText is what the knowledge base compares for similarity between patterns.
 */
export function computeSignature(type: FailureType, lines: { text: string; weight: number }[]): { signature: string; signatureText: string } {
  const best = new Map<string, number>();
  for (const { text, weight } of lines) {
    const norm = normalizeSignatureLine(text);
    if (norm.length === 0) continue;
    best.set(norm, Math.max(best.get(norm) ?? 0, weight));
  }
  const chosen = [...best.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_SIGNATURE_LINES)
    .map(([text]) => text)
    .sort();
  const signatureText = [type, ...chosen].join("\n");
  const signature = createHash("sha256").update(signatureText).digest("hex");
  return { signature, signatureText };
}

// [pattern, replacement, a literal the line must contain for the pattern to be worth trying]
const REPLACEMENTS: [RegExp, string, string?][] = [
  [/\x1b\[[0-?]*[ -/]*[@-~]/g, ""],
  [/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\s*/, ""],
  [/^(##\[\w+\]|\[(ERROR|FATAL|WARNING|WARN|INFO|error|warn)\]|npm (ERR!|error|warn)|E\s{2,}|error:|ERROR:?|e:)\s*/, ""],
  [/\\/g, "/"],
  [/file:\/\//g, ""],
  [/(?:[A-Za-z]:)?\/(?:home|Users)\/runner\/work\/[^/\s]+\/[^/\s]+\//g, "<ws>/"],
  [/\b[A-Za-z]:\/a\/[^/\s]+\/[^/\s]+\//g, "<ws>/"],
  [/\/__w\/[^/\s]+\/[^/\s]+\//g, "<ws>/"],
  [/\S*\/hostedtoolcache\/[^/\s]+\/[^/\s]+\/[^/\s]+\//g, "<tool>/", "hostedtoolcache"],
  [/\S*\/(site|dist)-packages\//g, "<site>/", "-packages/"],
  [/\S*\/\.m2\/repository\//g, "<m2>/", "/.m2/"],
  [/\/builds\/(workspace\/)?[^/\s]+\//g, "<ws>/"],
  [/\S*\/\.gradle\/caches\//g, "<cache>/", "/.gradle/"],
  [/\S*\/\.cargo\/registry\//g, "<cache>/", "/.cargo/"],
  [/\S*\/go\/pkg\/mod\//g, "<cache>/", "/pkg/mod/"],
  [/\S*\/\.npm\/_cacache\//g, "<cache>/", "/.npm/"],
  [/\S*\/\.cache\//g, "<cache>/", "/.cache/"],
  [/(?:\/private)?\/(?:tmp|var\/folders\/[^/\s]+\/[^/\s]+\/T|var\/tmp)\/[^/\s]*/g, "<tmp>"],
  [/\S*\/AppData\/Local\/Temp\/[^/\s]*/gi, "<tmp>", "AppData"],
  [/\/_temp\/[^/\s]*/g, "/<tmp>"],
  [/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, "<time>"],
  [/\b\d{1,2}:\d\d:\d\d(\.\d+)?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, "<hex>"],
  // Random ids of letters and digits (BuildKit refs, runner and container names): 10+ chars, 2+ digits.
  [/\b(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){2})[a-z0-9]{10,}\b/g, "<id>"],
  [/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, "<host>"],
  [/\b(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1?\]):\d+/g, "<host>"],
  [/\b\d+:\d\d\s?min\b/g, "<dur>"],
  [/\b\d+m\s?\d+(\.\d+)?s\b/g, "<dur>"],
  [/\b\d+(\.\d+)?\s?(ms|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h)\b(?!\w)/g, "<dur>"],
  // Timing fields of test reporters (node --test / TAP YAML `duration_ms: 0.173358`, `time: 1.02`).
  [/\b(duration|elapsed|time)(_?ms|_?s)?["']?\s*[:=]\s*\d+(\.\d+)?/gi, "$1$2: <dur>"],
  // Measurements with long fractions are never versions (1.2.3 keeps its dots).
  [/(^|[^\w.])\d+\.\d{3,}(?![\w.])/g, "$1<num>"],
  [/(\.\w+):\d+(:\d+)?/g, "$1:N"],
  [/\[\d+,\s?\d+\]/g, "[N,N]"],
  [/\(\d+,\s?\d+\)/g, "(N,N)"],
  [/\bline:? \d+(, col(umn)? \d+)?/gi, "line N"],
  [/(^|[^\w.])\d+(?![\w.]*\d)(?!\.\d)/g, "$1N"],
  [/\s+/g, " "],
];

/** Normalizes one message line for the signature (step 2 above). */
export function normalizeSignatureLine(line: string): string {
  let text = line;
  for (const [pattern, replacement, needle] of REPLACEMENTS) if (needle === undefined || text.includes(needle)) text = text.replace(pattern, replacement);
  text = text.replace(/(?:^|(?<=[\s'"(=:]))\/(?:[^/\s'"():]+\/)+([^/\s'"():]+\/[^/\s'"():]+)/g, "$1");
  return text.trim().slice(0, 240);
}
