// Syntax highlighting of the review page's diff, done on the server with shiki (grammars and themes ship
// in the npm package: nothing is downloaded). Only the lines the diff shows are sent, as
// [text, light colour, dark colour] tokens, so the browser loads no highlighter.
import { createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

export type Token = [text: string, light: string, dark: string];
/** Tokens of a line, by 1-based line number. */
export type LineTokens = Record<number, Token[]>;

// High-contrast themes: every token stays readable (WCAG AA) on the diff's tinted added/removed rows.
const THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;
/** Longer files are shown plain: tokenizing them costs more than the colour is worth. */
const MAX_HIGHLIGHT_CHARS = 200_000;

const BY_EXTENSION: Record<string, BundledLanguage> = {
  ts: "typescript", tsx: "tsx", mts: "typescript", cts: "typescript", js: "javascript", jsx: "jsx", mjs: "javascript", cjs: "javascript",
  json: "json", yml: "yaml", yaml: "yaml", py: "python", java: "java", kt: "kotlin", kts: "kotlin", go: "go", rs: "rust",
  toml: "toml", xml: "xml", gradle: "groovy", rb: "ruby", php: "php", cs: "csharp", sh: "shellscript", bash: "shellscript",
  md: "markdown", css: "css", scss: "scss", html: "html", sql: "sql", c: "c", h: "c", cpp: "cpp", hpp: "cpp", swift: "swift",
};
const BY_NAME: Record<string, BundledLanguage> = { dockerfile: "docker", makefile: "make", "go.mod": "go", "gemfile": "ruby" };

export function languageOf(path: string): BundledLanguage | null {
  const name = path.split("/").pop()!.toLowerCase();
  if (BY_NAME[name]) return BY_NAME[name];
  const ext = name.includes(".") ? name.split(".").pop()! : "";
  return BY_EXTENSION[ext] ?? null;
}

let highlighter: Promise<Highlighter> | null = null;
function getHighlighter(): Promise<Highlighter> {
  // The JavaScript regex engine: no WebAssembly to load in the server bundle.
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) });
  return highlighter;
}

export async function highlightLines(path: string, content: string, lines: Set<number>): Promise<LineTokens> {
  const lang = languageOf(path);
  if (!lang || lines.size === 0 || content.length > MAX_HIGHLIGHT_CHARS) return {};
  const hl = await getHighlighter();
  if (!hl.getLoadedLanguages().includes(lang)) await hl.loadLanguage(lang);
  const { tokens } = hl.codeToTokens(content, { lang, themes: THEMES, defaultColor: false });
  const out: LineTokens = {};
  for (const n of lines) {
    const line = tokens[n - 1];
    if (!line) continue;
    out[n] = line.map((t) => [t.content, t.htmlStyle?.["--shiki-light"] ?? "", t.htmlStyle?.["--shiki-dark"] ?? ""]);
  }
  return out;
}
