// Splits source lines into code and comment, per comment syntax, carrying block-comment and multi-line
// string state from line to line. Rules look for code constructs in `code` (string contents blanked, so a
// log message that mentions sleep() is not a sleep) and for directives in `comment`.
import type { CommentStyle, Lang } from "./file-kind";

export interface LexedLine {
  /** The line without comments, string literal contents blanked (quotes kept). */
  code: string;
  /** The line without comments, strings intact. */
  text: string;
  /** Comment text on this line (without the markers). */
  comment: string;
  /** String literal contents on this line, in order. */
  strings: string[];
}

type State = { kind: "normal" } | { kind: "block"; close: string } | { kind: "string"; quote: string };

// Languages where ' delimits a character literal (short) rather than a string, so `'a` lifetimes and
// apostrophes do not open a string.
const CHAR_QUOTE = new Set<Lang>(["java", "kotlin", "scala", "csharp", "c", "rust", "go", "swift"]);
const TRIPLE = new Set<Lang>(["python", "kotlin", "scala", "groovy", "swift", "java", "dart", "toml"]);
const BACKTICK = new Set<Lang>(["javascript", "typescript", "go", "kotlin", "shell", "makefile"]);

export function lexLines(lines: readonly string[], style: CommentStyle, lang: Lang): LexedLine[] {
  let state: State = { kind: "normal" };
  // A hunk may start inside a block comment: a leading run of "* ..." lines says so.
  if (style === "c" && lines.length > 0 && /^\s*\*(\s|\/|$)/.test(lines[0]!)) state = { kind: "block", close: "*/" };
  return lines.map((line) => {
    const r = lexLine(line, state, style, lang);
    state = r.state;
    return r.out;
  });
}

// Characters that can start a string or a comment, per comment style.
const SPECIAL: Record<CommentStyle, RegExp> = { c: /["'`/#]/, hash: /["'`#<]/, ini: /["';#]/, xml: /</, none: /$^/ };

function lexLine(line: string, start: State, style: CommentStyle, lang: Lang): { out: LexedLine; state: State } {
  // Most lines hold no quote or comment character: nothing to split.
  if (start.kind === "normal" && !SPECIAL[style].test(line) && !(lang === "properties" && /^\s*!/.test(line))) {
    return { out: { code: line, text: line, comment: "", strings: [] }, state: start };
  }
  let code = "";
  let text = "";
  let comment = "";
  const strings: string[] = [];
  let cur = "";
  let state = start;
  let i = 0;
  const n = line.length;
  const lineStartComment = style === "ini" ? /^\s*[;#]/ : style === "hash" && (lang === "properties") ? /^\s*[#!]/ : null;
  if (state.kind === "normal" && lineStartComment?.test(line)) {
    return { out: { code: "", text: "", comment: line.replace(/^\s*[;#!]+\s?/, ""), strings }, state };
  }
  while (i < n) {
    const ch = line[i]!;
    if (state.kind === "block") {
      const end = line.indexOf(state.close, i);
      if (end < 0) {
        comment += line.slice(i);
        i = n;
      } else {
        comment += line.slice(i, end);
        i = end + state.close.length;
        state = { kind: "normal" };
      }
      continue;
    }
    if (state.kind === "string") {
      const q = state.quote;
      if (ch === "\\" && lang !== "toml" && q !== "'''") {
        cur += line.slice(i, i + 2);
        text += line.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (line.startsWith(q, i)) {
        strings.push(cur);
        cur = "";
        code += q;
        text += q;
        i += q.length;
        state = { kind: "normal" };
        continue;
      }
      cur += ch;
      text += ch;
      i++;
      continue;
    }
    // normal
    if (style === "c" || (style === "hash" && lang === "php")) {
      if (line.startsWith("//", i)) {
        comment += line.slice(i + 2);
        break;
      }
      if (line.startsWith("/*", i)) {
        state = { kind: "block", close: "*/" };
        i += 2;
        continue;
      }
    }
    if (style === "c" && lang === "php" && ch === "#") {
      comment += line.slice(i + 1);
      break;
    }
    if (style === "hash" && ch === "#") {
      // In shell-like and data languages a comment starts at the line start or after whitespace.
      const prev = i === 0 ? " " : line[i - 1]!;
      if (lang === "python" || lang === "ruby" || /\s/.test(prev)) {
        if (!(lang === "shell" || lang === "makefile") || !/\$\{?$/.test(line.slice(0, i))) {
          comment += line.slice(i + 1);
          break;
        }
      }
    }
    if (style === "ini" && (ch === "#" || ch === ";") && i > 0 && /\s/.test(line[i - 1]!)) {
      comment += line.slice(i + 1);
      break;
    }
    if (style === "xml" && line.startsWith("<!--", i)) {
      state = { kind: "block", close: "-->" };
      i += 4;
      continue;
    }
    if (style === "hash" && lang === "powershell" && line.startsWith("<#", i)) {
      state = { kind: "block", close: "#>" };
      i += 2;
      continue;
    }
    if (style !== "xml" && style !== "none") {
      if (TRIPLE.has(lang) && (line.startsWith('"""', i) || (lang === "python" && line.startsWith("'''", i)))) {
        const q = line.slice(i, i + 3);
        code += q;
        text += q;
        i += 3;
        state = { kind: "string", quote: q };
        continue;
      }
      if (ch === '"' || (ch === "`" && BACKTICK.has(lang))) {
        code += ch;
        text += ch;
        i++;
        state = { kind: "string", quote: ch };
        continue;
      }
      if (ch === "'") {
        if (CHAR_QUOTE.has(lang)) {
          const m = /^'(\\.[^']*|[^'\\])'/.exec(line.slice(i));
          if (m) {
            strings.push(m[0].slice(1, -1));
            code += "''";
            text += m[0];
            i += m[0].length;
            continue;
          }
        } else if (!(lang === "yaml" || lang === "ini" || lang === "properties" || lang === "makefile") || /(^|[\s:=,[({])$/.test(line.slice(0, i))) {
          code += ch;
          text += ch;
          i++;
          state = { kind: "string", quote: "'" };
          continue;
        }
      }
    }
    code += ch;
    text += ch;
    i++;
  }
  if (state.kind === "string") {
    strings.push(cur);
    // Single-line quotes do not span lines (except Python/JS escaped newlines, rare in fixes).
    if (state.quote.length === 1 && state.quote !== "`") state = { kind: "normal" };
  }
  return { out: { code, text, comment: comment.trim(), strings }, state };
}
