// Tree-sitter parsers for the languages the injection analysis follows. The grammar .wasm files are
// resolved from their npm packages at run time (never next to this source file), so the same code works
// from the TypeScript sources, the Next.js server and a bundled CLI that keeps node_modules external.
import { Language, Parser } from "web-tree-sitter";

export type SourceLanguage = "java" | "javascript" | "typescript" | "tsx" | "python";

const GRAMMARS: Record<SourceLanguage, string> = {
  java: "tree-sitter-java/tree-sitter-java.wasm",
  javascript: "tree-sitter-javascript/tree-sitter-javascript.wasm",
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  tsx: "tree-sitter-typescript/tree-sitter-tsx.wasm",
  python: "tree-sitter-python/tree-sitter-python.wasm",
};

const EXTENSIONS: Record<string, SourceLanguage> = {
  ".java": "java",
  ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
  ".ts": "typescript", ".mts": "typescript", ".cts": "typescript",
  ".tsx": "tsx",
  ".py": "python",
};

export function languageOf(path: string): SourceLanguage | null {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || path.endsWith(".d.ts")) return null;
  return EXTENSIONS[path.slice(dot).toLowerCase()] ?? null;
}

// Resolved through process.getBuiltinModule so that bundlers (Next.js, esbuild) leave the .wasm paths
// alone instead of trying to bundle the grammars as modules; resolution starts at this module's location
// and walks up to node_modules, wherever the code runs from.
const resolveFromPackages = (specifier: string): string => process.getBuiltinModule("node:module").createRequire(import.meta.url).resolve(specifier);
let init: Promise<void> | null = null;
const languages = new Map<SourceLanguage, Promise<Language>>();
const parsers = new Map<SourceLanguage, Parser>();

function initRuntime(): Promise<void> {
  init ??= Parser.init({ locateFile: (name: string) => resolveFromPackages(`web-tree-sitter/${name}`) });
  return init;
}

/** One parser per language per process (parsing is synchronous, so one instance is never shared mid-parse). */
export async function parserFor(language: SourceLanguage): Promise<Parser> {
  const existing = parsers.get(language);
  if (existing) return existing;
  await initRuntime();
  let lang = languages.get(language);
  if (!lang) {
    lang = Language.load(resolveFromPackages(GRAMMARS[language]));
    languages.set(language, lang);
  }
  const parser = new Parser();
  parser.setLanguage(await lang);
  parsers.set(language, parser);
  return parser;
}
