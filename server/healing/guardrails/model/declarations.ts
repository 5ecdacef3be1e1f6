// Declarations on one side of a file, per language: functions, methods, classes and test calls
// (`it("…")`), with the annotations/decorators attached to them, whether each is a test (by its
// framework's annotation, naming convention or call), and its extent (braces or indentation). Works on
// the known lines of a side only; an extent that runs into unknown lines is open-ended.
import type { Lang } from "./file-kind";
import type { Side, SideLine } from "./changed-file";

export interface Decl {
  /** Line of the declaration itself (where the name is). */
  line: number;
  name: string;
  kind: "function" | "class" | "call";
  /** A test case (not a suite). */
  isTest: boolean;
  /** A class or describe-like block that groups tests. */
  isSuite: boolean;
  /** Annotation/decorator/attribute lines attached to it (same line included), nearest last. */
  markerLines: number[];
  indent: number;
}

const BRACE_LANGS = new Set<Lang>(["java", "kotlin", "groovy", "scala", "csharp", "swift", "dart", "javascript", "typescript", "go", "rust", "c", "php"]);
const INDENT_LANGS = new Set<Lang>(["python", "ruby"]);

const CONTROL = new Set([
  "if", "for", "while", "switch", "catch", "return", "new", "throw", "else", "case", "yield", "await", "do", "try", "synchronized",
  "when", "assert", "sizeof", "typeof", "instanceof", "super", "this", "using", "lock", "foreach", "in", "is", "as", "not", "and", "or",
]);

// JS/TS (and Kotlin/Scala/Groovy spec styles) test calls: it("…"), test.skip("…"), describe.each(…)("…"), xit, fdescribe…
const TEST_CALL = /(?:^|[^\w.$])(x|f)?(it|test|specify|scenario|Scenario|describe|context|suite|feature|Feature|given|Given|should|bench)((?:\.\w+(?:\([^()]*\))?)*)\s*(?:\(\s*)?(?:\[[^\]]*\]\s*\)\s*\(\s*)?(['"`])((?:\\.|(?!\4).)*)\4/;
const SUITE_CALLS = new Set(["describe", "context", "suite", "feature", "Feature", "given", "Given"]);

const JAVA_LIKE_TEST_MARKER = /(^|\s|\()@(org\.junit\.(jupiter\.api\.)?|org\.testng\.annotations\.|kotlin\.test\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Theory|Property|Example|RetryingTest|RepeatedIfExceptionsTest|CartesianTest|FuzzTest|ArchTest|Test[A-Z]\w*)\b/;
const CSHARP_TEST_MARKER = /\[\s*(Test|Fact|Theory|TestMethod|TestCase|TestCaseSource|DataTestMethod|SkippableFact|SkippableTheory)\b/;
const RUST_TEST_MARKER = /#\[\s*(test|\w+::test|rstest|test_case|test_log::test|quickcheck|proptest|wasm_bindgen_test|serial_test::serial|sqlx::test)\b/;

export function isMarkerLine(code: string, lang: Lang): boolean {
  const t = code.trim();
  if (t === "") return false;
  if (lang === "rust") return /^#!?\[/.test(t);
  if (lang === "php") return /^#\[/.test(t);
  if (lang === "csharp" && /^\[[A-Z]/.test(t)) return /^(\[[^\]]*\]\s*)+$/.test(t) || count(t, "[") > count(t, "]");
  if (!/^@[A-Za-z]/.test(t)) return false;
  if (lang === "python") return true;
  // Only annotations on the line (or the start of one whose arguments continue below).
  const rest = t.replace(/@[\w.]+(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?/g, "").trim();
  return rest === "" || count(t, "(") > count(t, ")");
}

/** The declaration on line `no` of a side, if that line declares something. */
export function declarationAt(side: Side, no: number, lang: Lang, testFile: boolean): Decl | null {
  const line = side.get(no);
  if (!line) return null;
  const found = matchDeclaration(line, lang);
  if (!found) return null;
  const markerLines = markersAbove(side, no, lang);
  const markers = markerLines.map((n) => side.get(n)!.lex.code);
  if (found.kind !== "call" && hasInlineMarker(line.lex.code, lang)) markerLines.push(no);
  const allMarkers = [...markers, found.kind !== "call" ? line.lex.code : ""].join("\n");
  const isTest = found.kind === "call" ? found.isTest : found.kind === "function" && isTestFunction(found.name, allMarkers, lang, testFile, line);
  const isSuite = found.kind === "call" ? found.isSuite : found.kind === "class" && (testFile || /^Test|Test(s|Case)?$|Spec$/.test(found.name));
  return { line: no, name: found.name, kind: found.kind, isTest, isSuite, markerLines, indent: indentOf(line.raw) };
}

function hasInlineMarker(code: string, lang: Lang): boolean {
  if (lang === "csharp") return /^\s*\[/.test(code);
  if (lang === "rust") return /^\s*#\[/.test(code);
  return /^\s*@\w/.test(code);
}

function matchDeclaration(line: SideLine, lang: Lang): { kind: Decl["kind"]; name: string; isTest: boolean; isSuite: boolean } | null {
  const code = line.lex.code;
  const text = line.lex.text;
  if (lang === "javascript" || lang === "typescript" || lang === "kotlin" || lang === "scala" || lang === "groovy" || lang === "ruby" || lang === "dart" || lang === "swift" || lang === "php") {
    const m = TEST_CALL.exec(text);
    if (m && (lang === "javascript" || lang === "typescript" || lang === "ruby" || /^\s*(x|f)?(it|test|describe|context|should|given|feature|scenario)\b/i.test(text) || /^\s*"/.test(text))) {
      const fn = m[2]!;
      return { kind: "call", name: m[5]!, isTest: !SUITE_CALLS.has(fn), isSuite: SUITE_CALLS.has(fn) };
    }
  }
  if (lang === "python") {
    const m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/.exec(code) ?? /^\s*class\s+(\w+)/.exec(code);
    if (!m) return null;
    return { kind: /^\s*class\b/.test(code) ? "class" : "function", name: m[1]!, isTest: false, isSuite: false };
  }
  if (lang === "ruby") {
    const m = /^\s*def\s+(?:self\.)?(\w+[?!]?)/.exec(code) ?? /^\s*(?:class|module)\s+([\w:]+)/.exec(code);
    if (!m) return null;
    return { kind: /^\s*def\b/.test(code) ? "function" : "class", name: m[1]!, isTest: false, isSuite: false };
  }
  const cls = /(?:^|\s)(class|interface|object|struct|enum|trait|impl|mod|module|record)\s+([A-Za-z_]\w*)/.exec(code);
  if (cls && !/[=(]\s*$/.test(code.slice(0, cls.index))) return { kind: "class", name: cls[2]!, isTest: false, isSuite: false };
  let name: string | undefined;
  switch (lang) {
    case "kotlin": {
      const m = /\bfun\s+(?:<[^>]+>\s*)?(?:[\w.]+\.)?(`[^`]+`|\w+)\s*\(/.exec(text);
      name = m?.[1]?.replace(/`/g, "");
      break;
    }
    case "go":
      name = /^\s*func\s+(?:\([^)]*\)\s*)?(\w+)\s*[[(]/.exec(code)?.[1];
      break;
    case "rust":
      name = /\bfn\s+(\w+)\s*[<(]/.exec(code)?.[1];
      break;
    case "swift":
      name = /\bfunc\s+(\w+)\s*[<(]/.exec(code)?.[1];
      break;
    case "php":
      name = /\bfunction\s+(\w+)\s*\(/.exec(code)?.[1];
      break;
    case "scala":
      name = /\bdef\s+(\w+)/.exec(code)?.[1];
      break;
    case "groovy": {
      const spock = /^\s*(?:def|void)\s+(['"])(.+?)\1\s*\(/.exec(text);
      name = spock?.[2] ?? javaMethodName(code);
      break;
    }
    case "javascript":
    case "typescript":
      name = /\bfunction\s*\*?\s*(\w+)\s*\(/.exec(code)?.[1] ?? /^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>/.exec(code)?.[1];
      break;
    default:
      name = javaMethodName(code);
  }
  return name ? { kind: "function", name, isTest: false, isSuite: false } : null;
}

function javaMethodName(code: string): string | undefined {
  const stripped = code.replace(/^\s*(@[\w.]+(\([^()]*(\([^()]*\)[^()]*)*\))?\s*)+/, " ").replace(/\[\s*\w+[^\]]*\]\s*/g, "");
  const m = /^\s*((?:[\w$]+(?:<[^()]*>)?(?:\[\])*[?]?\s+)+)([A-Za-z_$][\w$]*)\s*\(/.exec(stripped);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  if (words.some((w) => CONTROL.has(w))) return undefined;
  if (CONTROL.has(m[2]!)) return undefined;
  if (/=/.test(m[1]!)) return undefined;
  return m[2];
}

function isTestFunction(name: string, markers: string, lang: Lang, testFile: boolean, line: SideLine): boolean {
  switch (lang) {
    case "python":
      return /^test/.test(name);
    case "go":
      return /^(Test|Benchmark|Fuzz)([A-Z0-9_]|$)/.test(name) || /\*testing\.[TBF]\b/.test(line.lex.code);
    case "rust":
      return RUST_TEST_MARKER.test(markers);
    case "csharp":
      return CSHARP_TEST_MARKER.test(markers);
    case "ruby":
      return /^test_/.test(name);
    case "swift":
    case "php":
      return /^test/.test(name) || /@test\b|#\[Test\]/.test(markers);
    default:
      return JAVA_LIKE_TEST_MARKER.test(markers) || (testFile && /^test[A-Z0-9_]/.test(name) && /\b(public\s+)?void\b|\bfun\b|\bdef\b/.test(line.lex.code));
  }
}

function markersAbove(side: Side, no: number, lang: Lang): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const l of side.above(no)) {
    const code = l.lex.code.trim();
    if (code === "" && l.lex.comment !== "") continue; // comments between annotations
    if (code === "") break;
    // Multi-line annotation arguments: a line closing a parenthesis opened above.
    depth += count(code, ")") - count(code, "(");
    if (depth > 0) {
      out.unshift(l.no);
      continue;
    }
    if (isMarkerLine(code, lang) || (lang === "php" && /@test\b/.test(l.lex.comment))) {
      out.unshift(l.no);
      continue;
    }
    break;
  }
  return out;
}

export function indentOf(raw: string): number {
  const m = /^[ \t]*/.exec(raw)![0];
  return m.replace(/\t/g, "    ").length;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Known lines of a declaration's extent (declaration line first); `open` when it runs into unknown lines. */
export function extentOf(side: Side, decl: Decl, lang: Lang): { lines: SideLine[]; open: boolean } {
  const first = side.get(decl.line);
  if (!first) return { lines: [], open: true };
  const lines: SideLine[] = [first];
  if (INDENT_LANGS.has(lang)) {
    for (const l of side.below(decl.line)) {
      if (l.raw.trim() === "") {
        lines.push(l);
        continue;
      }
      if (indentOf(l.raw) <= decl.indent && !/^\s*[)\]}]/.test(l.raw)) return { lines: trimBlank(lines), open: false };
      lines.push(l);
    }
    return { lines: trimBlank(lines), open: !side.full };
  }
  if (!BRACE_LANGS.has(lang)) return { lines, open: true };
  let depth = count(first.lex.code, "{") - count(first.lex.code, "}");
  let opened = count(first.lex.code, "{") > 0;
  if (opened && depth <= 0) return { lines, open: false };
  for (const l of side.below(decl.line)) {
    lines.push(l);
    const o = count(l.lex.code, "{");
    const c = count(l.lex.code, "}");
    depth += o - c;
    if (o > 0) opened = true;
    if (opened && depth <= 0) return { lines, open: false };
    if (!opened && /;\s*$/.test(l.lex.code) && depth === 0) return { lines, open: false };
  }
  return { lines, open: !side.full || !opened };
}

function trimBlank(lines: SideLine[]): SideLine[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1]!.raw.trim() === "") end--;
  return lines.slice(0, end);
}

/** Declarations enclosing line `no` (not counting a declaration on `no` itself), innermost first. */
export function enclosingDecls(side: Side, no: number, lang: Lang, testFile: boolean): Decl[] {
  const out: Decl[] = [];
  const start = side.get(no);
  if (!start) return out;
  if (INDENT_LANGS.has(lang)) {
    let minIndent = start.raw.trim() === "" ? Infinity : indentOf(start.raw);
    for (const l of side.above(no)) {
      if (l.raw.trim() === "" || l.lex.code.trim() === "") continue;
      const ind = indentOf(l.raw);
      if (ind < minIndent) {
        minIndent = ind;
        const d = declarationAt(side, l.no, lang, testFile);
        if (d) out.push(d);
        if (ind === 0) break;
      }
    }
    return out;
  }
  if (!BRACE_LANGS.has(lang)) return out;
  let balance = 0;
  let pendingOpen = false;
  for (const l of side.above(no)) {
    balance += count(l.lex.code, "{") - count(l.lex.code, "}");
    if (balance > 0 || pendingOpen) {
      const d = declarationAt(side, l.no, lang, testFile);
      if (d) {
        out.push(d);
        balance = 0;
        pendingOpen = false;
      } else if (balance > 0) {
        // Allman style: "{" alone on its line opens the declaration just above it.
        pendingOpen = /^\s*\{\s*$/.test(l.lex.code);
        balance = 0;
      }
    }
  }
  return out;
}

/** For an annotation/decorator line: the declaration it is attached to (the next one below). */
export function declarationBelow(side: Side, no: number, lang: Lang, testFile: boolean, maxLines = 12): Decl | null {
  const own = side.get(no);
  if (own) {
    const here = declarationAt(side, no, lang, testFile);
    if (here) return here;
  }
  let k = 0;
  for (const l of side.below(no)) {
    if (++k > maxLines) return null;
    const d = declarationAt(side, l.no, lang, testFile);
    if (d) return d;
    const code = l.lex.code.trim();
    if (code === "" || isMarkerLine(code, lang) || /^[)\]},]/.test(code)) continue;
    return null;
  }
  return null;
}

/** Every declaration among a side's known lines. */
export function declarationsOf(side: Side, lang: Lang, testFile: boolean): Decl[] {
  const out: Decl[] = [];
  for (const l of side.all()) {
    const d = declarationAt(side, l.no, lang, testFile);
    if (d) out.push(d);
  }
  return out;
}

/** The innermost test enclosing a line, or the line's own declaration when it is a test. */
export function enclosingTest(side: Side, no: number, lang: Lang, testFile: boolean): Decl | null {
  const own = declarationAt(side, no, lang, testFile);
  if (own?.isTest) return own;
  return enclosingDecls(side, no, lang, testFile).find((d) => d.isTest) ?? null;
}
