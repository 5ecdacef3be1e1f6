// pom.xml and build.gradle(.kts) → pinned Maven coordinates. POM properties (${x.version}) are resolved
// from the same file; a version that stays unresolved or is a range is left out (nothing to compare).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InvalidManifest, lineOf, type Dependency } from "./dependency";

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === "dependency" || name === "plugin" });

type Node = Record<string, unknown>;

export function parsePom(file: string, text: string): Dependency[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InvalidManifest(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
  const project = (xml.parse(text) as Node).project as Node | undefined;
  if (!project || typeof project !== "object") throw new InvalidManifest("no <project> element");
  const props = new Map<string, string>();
  for (const [k, v] of Object.entries((project.properties as Node | undefined) ?? {})) if (typeof v === "string") props.set(k, v.trim());
  const parent = project.parent as Node | undefined;
  const projectVersion = String(project.version ?? parent?.version ?? "");
  props.set("project.version", projectVersion);
  const resolve = (v: unknown) => String(v ?? "").trim().replace(/\$\{([^}]+)\}/g, (m, k: string) => props.get(k) ?? m);
  const lists = [
    ((project.dependencies as Node | undefined)?.dependency as Node[] | undefined) ?? [],
    ((((project.dependencyManagement as Node | undefined)?.dependencies as Node | undefined)?.dependency as Node[] | undefined) ?? []),
  ];
  const out: Dependency[] = [];
  for (const d of lists.flat()) {
    const version = resolve(d.version);
    if (!d.groupId || !d.artifactId || !version || version.includes("${") || /^[[(]/.test(version)) continue;
    out.push({ ecosystem: "Maven", name: `${resolve(d.groupId)}:${resolve(d.artifactId)}`, version, file, line: lineOf(text, `<artifactId>${String(d.artifactId)}</artifactId>`) });
  }
  return out;
}

// 'group:artifact:version', "group:artifact:version@ext", group: 'g', name: 'a', version: 'v'
const GRADLE_STRING = /["'](?<g>[\w.-]+):(?<a>[\w.-]+):(?<v>[\w.+-]+?)(?::[\w-]+)?(?:@\w+)?["']/g;
const GRADLE_MAP = /group\s*[:=]\s*["'](?<g>[\w.-]+)["']\s*,\s*name\s*[:=]\s*["'](?<a>[\w.-]+)["']\s*,\s*version\s*[:=]\s*["'](?<v>[\w.+-]+)["']/g;

export function parseGradle(file: string, text: string): Dependency[] {
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/(?:def|val|var|ext\.)?\s*(\w+)\s*=\s*["']([\w.+-]+)["']/g)) vars.set(m[1]!, m[2]!);
  const out: Dependency[] = [];
  for (const re of [GRADLE_STRING, GRADLE_MAP]) {
    for (const m of text.matchAll(re)) {
      let version = m.groups!.v!;
      if (version.startsWith("$")) version = vars.get(version.replace(/^\$\{?|\}$/g, "")) ?? "";
      if (!version || /[+[\]()]/.test(version)) continue;
      out.push({ ecosystem: "Maven", name: `${m.groups!.g}:${m.groups!.a}`, version, file, line: text.slice(0, m.index).split("\n").length });
    }
  }
  // "${log4jVersion}" inside a coordinate string
  for (const m of text.matchAll(/["'](?<g>[\w.-]+):(?<a>[\w.-]+):\$\{?(?<var>\w+)\}?["']/g)) {
    const version = vars.get(m.groups!.var!);
    if (version) out.push({ ecosystem: "Maven", name: `${m.groups!.g}:${m.groups!.a}`, version, file, line: text.slice(0, m.index).split("\n").length });
  }
  return out;
}
