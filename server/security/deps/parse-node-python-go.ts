// package.json + lockfiles, requirements.txt, poetry.lock and go.mod → pinned dependencies.
import { parse as parseToml } from "smol-toml";
import semver from "semver";
import { InvalidManifest, lineOf, type Dependency } from "./dependency";

function json(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new InvalidManifest("not a JSON object");
    return v as Record<string, unknown>;
  } catch (e) {
    throw e instanceof InvalidManifest ? e : new InvalidManifest(`invalid JSON: ${(e as Error).message}`);
  }
}

/** package.json alone: only exact pins ("1.2.3", "=1.2.3"); ranges need the lockfile. */
export function parsePackageJson(file: string, text: string): Dependency[] {
  const pkg = json(text);
  const out: Dependency[] = [];
  for (const section of ["dependencies", "devDependencies", "optionalDependencies"]) {
    for (const [name, spec] of Object.entries((pkg[section] as Record<string, unknown> | undefined) ?? {})) {
      const version = typeof spec === "string" ? semver.valid(spec.replace(/^=/, "")) : null;
      if (version) out.push({ ecosystem: "npm", name, version, file, line: lineOf(text, `"${name}"`) });
    }
  }
  return out;
}

/** package-lock.json v2/v3 (`packages`) or v1 (`dependencies`). */
export function parsePackageLock(file: string, text: string): Dependency[] {
  const lock = json(text);
  const out: Dependency[] = [];
  const packages = lock.packages as Record<string, { version?: string; link?: boolean }> | undefined;
  if (packages) {
    for (const [path, p] of Object.entries(packages)) {
      if (!path || p.link || !p.version) continue;
      const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
      out.push({ ecosystem: "npm", name, version: p.version, file, line: lineOf(text, `"${path}"`) });
    }
    return out;
  }
  const walk = (deps: Record<string, { version?: string; dependencies?: Record<string, unknown> }> | undefined) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      if (d.version && semver.valid(d.version)) out.push({ ecosystem: "npm", name, version: d.version, file, line: lineOf(text, `"${name}"`) });
      walk(d.dependencies as typeof deps);
    }
  };
  walk(lock.dependencies as Parameters<typeof walk>[0]);
  return out;
}

export function parseRequirements(file: string, text: string): Dependency[] {
  const out: Dependency[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, "").trim();
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.!+_-]+)\s*(?:;.*)?$/.exec(line);
    if (m) out.push({ ecosystem: "PyPI", name: m[1]!.toLowerCase(), version: m[2]!, file, line: i + 1 });
  });
  return out;
}

export function parsePoetryLock(file: string, text: string): Dependency[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    throw new InvalidManifest(`invalid TOML: ${(e as Error).message.split("\n")[0]}`);
  }
  const packages = (doc.package as { name?: string; version?: string }[] | undefined) ?? [];
  return packages.filter((p) => p.name && p.version).map((p) => ({ ecosystem: "PyPI" as const, name: p.name!.toLowerCase(), version: p.version!, file, line: lineOf(text, `name = "${p.name}"`) }));
}

export function parseGoMod(file: string, text: string): Dependency[] {
  const out: Dependency[] = [];
  let inBlock = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (/^require\s*\($/.test(line)) return void (inBlock = true);
    if (inBlock && line === ")") return void (inBlock = false);
    const m = inBlock ? /^(\S+)\s+(v\S+)$/.exec(line) : /^require\s+(\S+)\s+(v\S+)$/.exec(line);
    if (m) out.push({ ecosystem: "Go", name: m[1]!, version: m[2]!, file, line: i + 1 });
  });
  return out;
}
