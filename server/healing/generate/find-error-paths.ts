// Which repository files an error points at. Compilers, test runners and stack traces print paths in
// many shapes (absolute runner paths, `file://` URLs, `./x`, `x(12,5)`, `x:[12,5]`, `File "x", line 12`,
// Java frames `at com.acme.Foo.bar(Foo.java:12)`), so every path-like token is a candidate, and a
// candidate counts only when it resolves to a file of the repository's tree at the failing commit: by
// trailing path segments, either the tree path ends the candidate (an absolute path on the runner) or
// the candidate ends the tree path (a package-relative name). A bare name that fits several files is
// ambiguous and dropped.
import { cleanLogLine } from "../../analysis/normalize-log-line";

export interface ErrorPath {
  path: string;
  /** 1-based line numbers the error text names for this file, in order of appearance, deduplicated. */
  lines: number[];
}

const PATH_TOKEN = /(?:file:\/\/)?(?:(?<!\w)[A-Za-z]:[\\/])?[\w@~+.\-\\/$]*[\w@~+\-$]\.[A-Za-z][\w]{0,9}\b/g;
// What may follow a path and carries its line: `:12`, `:12:5`, `(12,5)`, `(12)`, `:[12,5]`, `", line 12`, ` line 12`.
const LINE_AFTER = /^(?::\[?(\d+)|\((\d+)(?:[,:]\d+)?\)|"?,? line (\d+))/;
const JAVA_FRAME = /\bat\s+((?:[\w$]+\.)+)[\w$<>]+\(([\w$]+\.(?:java|kt|scala|groovy|clj)):(\d+)\)/g;
// ESLint's "stylish" and similar reporters: the file on a line of its own, then indented `12:5  error ...`.
const REPORTED_LINE = /^\s+(\d+):\d+\s+(?:error|warning)\b/;

interface Candidate {
  token: string;
  line: number | null;
}

export function findErrorPaths(text: string, treePaths: Iterable<string>): ErrorPath[] {
  const index = indexByBasename(treePaths);
  const found = new Map<string, number[]>();
  for (const c of candidates(text)) {
    const path = resolveCandidate(c.token, index);
    if (!path) continue;
    const lines = found.get(path) ?? [];
    if (c.line !== null && !lines.includes(c.line)) lines.push(c.line);
    found.set(path, lines);
  }
  return [...found].map(([path, lines]) => ({ path, lines }));
}

function* candidates(text: string): Generator<Candidate> {
  yield* groupedReports(text);
  for (const m of text.matchAll(JAVA_FRAME)) {
    const pkg = m[1]!.split(".").filter(Boolean);
    pkg.pop(); // the class itself; the file name comes from the parentheses
    yield { token: [...pkg, m[2]!].join("/"), line: Number(m[3]) };
  }
  for (const m of text.matchAll(PATH_TOKEN)) {
    const raw = m[0];
    const before = text[m.index - 1];
    // A URL's host or path is not a file of this repository.
    if (before === ":" && /https?$/i.test(text.slice(Math.max(0, m.index - 6), m.index - 1))) continue;
    if (/^(?:https?:|node:)/i.test(raw)) continue;
    const after = LINE_AFTER.exec(text.slice(m.index + raw.length, m.index + raw.length + 24));
    const line = after ? Number(after[1] ?? after[2] ?? after[3]) : null;
    yield { token: raw.replace(/^file:\/\//, ""), line: line && line > 0 ? line : null };
  }
}

function* groupedReports(text: string): Generator<Candidate> {
  let file: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = cleanLogLine(raw);
    const reported = REPORTED_LINE.exec(line);
    if (reported && file) yield { token: file, line: Number(reported[1]) };
    else if (!reported) file = /^\s*\S+\.[A-Za-z]\w{0,9}\s*$/.test(line) ? line.trim() : null;
  }
}

function indexByBasename(treePaths: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const p of treePaths) {
    const base = p.slice(p.lastIndexOf("/") + 1);
    const list = index.get(base);
    if (list) list.push(p);
    else index.set(base, [p]);
  }
  return index;
}

function resolveCandidate(token: string, index: Map<string, string[]>): string | null {
  const segments = token.replace(/\\/g, "/").split("/").filter((s) => s !== "" && s !== ".");
  const base = segments.at(-1);
  if (!base) return null;
  const options = index.get(base);
  if (!options) return null;
  let best: string | null = null;
  let bestScore = 0;
  let tie = false;
  for (const path of options) {
    const parts = path.split("/");
    const matched = trailingMatch(segments, parts);
    // The whole path named exactly beats a longer path that merely ends with it.
    const score = matched === segments.length && matched === parts.length ? matched + 0.5 : matched;
    if (score === 0) continue;
    if (score > bestScore) {
      best = path;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? null : best;
}

/** Matching trailing segments, when one path ends the other; 0 when they diverge before either ends. */
function trailingMatch(candidate: string[], path: string[]): number {
  let n = 0;
  while (n < candidate.length && n < path.length && candidate[candidate.length - 1 - n] === path[path.length - 1 - n]) n++;
  return n === candidate.length || n === path.length ? n : 0;
}
