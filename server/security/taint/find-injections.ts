// Injection flaws and weak crypto in one source file: parse with tree-sitter, lower to the IR, interpret.
import { finding, RULES, type Finding } from "../catalog";
import type { Module } from "./ir";
import { AnalysisBudgetExceeded, analyzeModule, ProjectIndex } from "./interpret";
import { lowerJava } from "./lower-java";
import { lowerJs } from "./lower-js";
import { lowerPython } from "./lower-python";
import { parserFor, type SourceLanguage } from "./parsers";
import type { Lang } from "./rules";
import type { Node } from "./syntax-node";

export { ProjectIndex };

/** Raised when a file cannot be analysed (syntax errors everywhere, analysis budget); the caller notes it. */
export class UnanalysableSource extends Error {}

const MAX_ERROR_RATIO = 0.2;

export interface ParsedSource {
  mod: Module;
  lang: Lang;
}

export async function parseSource(text: string, language: SourceLanguage): Promise<ParsedSource> {
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  if (!tree) throw new UnanalysableSource("the parser returned no tree");
  try {
    const root = tree.rootNode;
    if (root.hasError && errorRatio(root) > MAX_ERROR_RATIO) throw new UnanalysableSource("too many syntax errors to analyse");
    const lang: Lang = language === "java" ? "java" : language === "python" ? "python" : "js";
    return { lang, mod: lang === "java" ? lowerJava(root) : lang === "python" ? lowerPython(root) : lowerJs(root) };
  } finally {
    tree.delete();
  }
}

export function analyzeSource(file: string, parsed: ParsedSource, project?: ProjectIndex): Finding[] {
  let raw;
  try {
    raw = analyzeModule(parsed.mod, parsed.lang, { project });
  } catch (e) {
    if (e instanceof AnalysisBudgetExceeded) throw new UnanalysableSource(e.message);
    throw e;
  }
  return raw.map((r) => finding(r.rule, { file, line: r.line }, `${RULES[r.rule].title}: ${r.message}`, { scanner: r.rule.startsWith("taint.") ? "taint" : "crypto" }));
}

export async function findInjections(file: string, text: string, language: SourceLanguage, project?: ProjectIndex): Promise<Finding[]> {
  return analyzeSource(file, await parseSource(text, language), project);
}

function errorRatio(root: Node): number {
  let errorBytes = 0;
  const walk = (n: Node) => {
    if (n.type === "ERROR" || n.isMissing) {
      errorBytes += Math.max(1, n.endIndex - n.startIndex);
      return;
    }
    if (n.hasError) for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return errorBytes / Math.max(1, root.endIndex - root.startIndex);
}
