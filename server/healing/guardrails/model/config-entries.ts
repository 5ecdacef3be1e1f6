// Settings on one line of a configuration or build file, whatever its syntax: XML elements and
// <property name= value=>, JSON/JS/YAML keys, TOML/INI/properties assignments, Gradle (Groovy and Kotlin
// DSL) assignments and calls, list items under a key, and -Dkey=value flags. Each carries the keys of the
// blocks around it (by indentation, which configuration files keep), so "enabled = false" inside a test
// task reads differently from the same words elsewhere.
import type { Side, SideLine } from "./changed-file";
import { indentOf } from "./declarations";
import type { Lang } from "./file-kind";

export interface Entry {
  /** Setting name, as written (dots and dashes kept). */
  key: string;
  /** Value with quotes and trailing punctuation removed ("" for a block opener). */
  value: string;
  /** Enclosing block names, innermost first (e.g. ["configuration", "plugin"] or ["test", "tasks"]). */
  context: string[];
  /** A list item under `key` rather than an assignment. */
  item: boolean;
  line: SideLine;
}

const CODE_LIKE = new Set<Lang>(["groovy", "kotlin", "javascript", "typescript", "python", "makefile", "shell", "powershell"]);

const unquote = (v: string) => v.trim().replace(/[,;]+$/, "").trim().replace(/^(['"`])(.*)\1$/, "$2").trim();

/** The settings a line holds, with the names of the blocks around it. */
export function entriesOf(side: Side, line: SideLine, lang: Lang): Entry[] {
  const text = line.lex.text.trim();
  if (text === "") return [];
  const context = () => blockContext(side, line, lang);
  const out: Entry[] = [];
  const push = (key: string, value: string, item = false) => out.push({ key, value: unquote(value), context: context(), item, line });
  if (lang === "xml") {
    for (const m of text.matchAll(/<([\w.:-]+)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) push(m[1]!, m[2]!);
    const prop = /<(?:property|param|parameter|entry|option)\b[^>]*\bname\s*=\s*"([^"]+)"[^>]*\bvalue\s*=\s*"([^"]*)"/.exec(text);
    if (prop) push(prop[1]!, prop[2]!);
    for (const m of text.matchAll(/<([\w.:-]+)\b([^>]*?)\/?>/g)) {
      if (m[1] === "property" || !m[2]) continue;
      for (const a of m[2].matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)) push(`${m[1]}.${a[1]}`, a[2]!);
    }
    const open = /^<([\w.:-]+)(\s[^>]*)?>\s*$/.exec(text);
    if (open && out.length === 0) push(open[1]!, "");
  } else {
    let m: RegExpExecArray | null;
    if ((m = /^-\s+(.*)$/.exec(text)) && (lang === "yaml" || lang === "text")) {
      const inner = /^([\w.$@/-]+)\s*:\s*(.*)$/.exec(m[1]!);
      if (inner) push(inner[1]!, inner[2]!);
      else push(parentKey(side, line, lang) ?? "", m[1]!, true);
    } else if ((m = /^(["']?)([\w.$@/:-]+?)\1\s*(?::|=|\+=|:=)\s*(.*?)\s*[,;]?\s*$/.exec(text)) && !(CODE_LIKE.has(lang) && /^(if|for|while|return|const|let|var|val|def|else)\b/.test(text))) {
      push(m[2]!, m[3]!);
    } else if ((m = /^([\w.]+)\s*(?:<<|\+=)\s*(.+)$/.exec(text)) && (lang === "groovy" || lang === "kotlin")) {
      push(m[1]!, m[2]!);
    } else if ((m = /^(?:(?:const|let|var|val)\s+)?([\w.$]+)\s*=\s*(.*)$/.exec(text))) {
      push(m[1]!, m[2]!);
    } else if ((m = /^([\w.]+)(?:\.set)?\s*\(\s*(.*?)\s*\)\s*[;,]?$/.exec(text)) && (lang === "groovy" || lang === "kotlin")) {
      push(m[1]!, m[2]!);
    } else if ((m = /^([A-Za-z_][\w.]*)\s+((?:true|false|\d[\w.]*|['"][^'"]*['"]))\s*$/.exec(text)) && lang === "groovy") {
      push(m[1]!, m[2]!);
    } else if ((m = /^(['"`])(.*)\1\s*,?\s*$/.exec(text)) && (lang === "json" || lang === "javascript" || lang === "typescript" || lang === "toml" || lang === "python")) {
      push(parentKey(side, line, lang) ?? "", m[2]!, true);
    } else if ((m = /^([\w.]+)\s*\{\s*([^{}]+?)\s*\}\s*;?$/.exec(text)) && (lang === "groovy" || lang === "kotlin")) {
      // Gradle closures on one line: onlyIf { false }, retry { maxRetries = 2 }.
      push(m[1]!, m[2]!);
      const inner = /^([\w.]+)\s*=\s*(.+)$/.exec(m[2]!);
      if (inner) out.push({ key: inner[1]!, value: unquote(inner[2]!), context: [m[1]!, ...context()], item: false, line });
    } else if ((m = /^([\w.-]+)\s*\{\s*$/.exec(text)) || (m = /^["']?([\w.-]+)["']?\s*[:=]\s*[{[]\s*$/.exec(text))) {
      push(m[1]!, "");
    } else if (lang === "ini" || lang === "text") {
      // INI continuation lines (flake8 "ignore =\n    E501,\n    W503") are items of the key above.
      const parent = parentKey(side, line, lang);
      if (parent && indentOf(line.raw) > 0) for (const v of text.split(/[,\s]+/).filter(Boolean)) push(parent, v, true);
    }
  }
  for (const d of text.matchAll(/(?:^|[\s"'=])-D([\w.-]+)(?:=(\S*?))?(?=["'\s]|$)/g)) push(d[1]!, d[2] ?? "true");
  return out;
}

/** Keys of the blocks enclosing a line, innermost first (indentation, TOML/INI [sections]). */
export function blockContext(side: Side, line: SideLine, lang: Lang): string[] {
  const out: string[] = [];
  const sections = lang === "toml" || lang === "ini" || lang === "properties";
  let min = indentOf(line.raw);
  for (const l of side.above(line.no)) {
    const t = l.lex.text.trim();
    if (t === "" || t.startsWith("</")) continue;
    if (sections && /^\[+\s*([^\]]+?)\s*\]+\s*$/.test(t)) {
      out.push(/^\[+\s*([^\]]+?)\s*\]+/.exec(t)![1]!);
      break;
    }
    const ind = indentOf(l.raw);
    if (ind >= min) continue;
    min = ind;
    const name = blockName(t, lang);
    if (name) out.push(name);
    // [section] headers sit at the left margin too: keep looking for one above.
    if (ind === 0 && !sections) break;
  }
  return out;
}

function blockName(t: string, lang: Lang): string | null {
  if (lang === "xml") return /^<([\w.:-]+)/.exec(t)?.[1] ?? null;
  const m =
    /^-?\s*["']?([\w.$@/:-]+?)["']?\s*(?::|=)\s*(?:\{|\[|\(|$|[|>]-?$)/.exec(t) ??
    /^(?:tasks\.)?(?:named|register|getByName|withType)\s*[<(]\s*["']?([\w.]+)/.exec(t) ??
    /^([\w.]+)\s*(?:\([^)]*\))?\s*\{/.exec(t) ??
    /^-\s*(?:name|id|uses|run)\s*:\s*(.+)$/.exec(t);
  return m ? m[1]!.trim() : null;
}

function parentKey(side: Side, line: SideLine, lang: Lang): string | null {
  const ind = indentOf(line.raw);
  for (const l of side.above(line.no)) {
    const t = l.lex.text.trim();
    if (t === "") continue;
    const i = indentOf(l.raw);
    const m = /^-?\s*["']?([\w.$@/-]+)["']?\s*[:=]\s*(\[|\(|$|[|>]-?$)/.exec(t) ?? /^["']?([\w.$@/-]+)["']?\s*[:=]\s*\S/.exec(t);
    if (i < ind && m) return m[1]!;
    if (i <= ind && lang === "ini" && m) return m[1]!;
    if (i < ind) return null;
  }
  return null;
}

/** Maven plugin (artifactId) a pom.xml line belongs to, when the lines above show it. */
export function mavenPluginOf(side: Side, line: SideLine): string | null {
  // Only inside a <plugin> (its <configuration> or <executions>), not in <properties> or <dependencies>.
  const ancestors = blockContext(side, line, "xml");
  if (!ancestors.some((a) => /^(plugin|configuration|executions?|reportSet)$/.test(a))) return null;
  if (ancestors.some((a) => /^(dependencies|dependency|properties|dependencyManagement)$/.test(a))) return null;
  const ind = indentOf(line.raw);
  for (const l of side.above(line.no)) {
    const t = l.lex.text.trim();
    const a = /^<artifactId>([^<]+)<\/artifactId>/.exec(t);
    if (a && indentOf(l.raw) < ind) return a[1]!;
    if (/^<\/?(plugin|plugins|build|project|profile)>/.test(t) && indentOf(l.raw) < ind - 2) return null;
  }
  return null;
}

export function isTruthy(v: string): boolean {
  return /^(true|yes|on|1|always|\$\{\{\s*(true|.*\S.*)\s*\}\})$/i.test(v.trim());
}

export function isFalsy(v: string): boolean {
  return /^(false|no|off|0|never|none|\$\{\{\s*false\s*\}\})$/i.test(v.trim());
}
