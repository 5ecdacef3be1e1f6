// Build manifests that describe how the failing code is built: those at the repository root, then the
// nearest one above each file the error or the change touches (a module of a multi-module build).
const MANIFEST_NAMES = new Set([
  "package.json",
  "tsconfig.json",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "settings.gradle",
  "settings.gradle.kts",
  "gradle.properties",
  "pyproject.toml",
  "setup.py",
  "setup.cfg",
  "requirements.txt",
  "Pipfile",
  "go.mod",
  "Cargo.toml",
  "Gemfile",
  "composer.json",
  "Makefile",
  "CMakeLists.txt",
]);

export function isManifest(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return MANIFEST_NAMES.has(name) || name.endsWith(".csproj");
}

/** Root manifests first, then for each anchor (in order) the manifests of its nearest directory that has any. */
export function pickManifests(paths: Set<string>, anchors: string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const p of paths) {
    if (!isManifest(p)) continue;
    const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    byDir.set(dir, [...(byDir.get(dir) ?? []), p]);
  }
  const picked: string[] = [...(byDir.get("") ?? []).sort()];
  for (const anchor of anchors) {
    let dir = anchor.includes("/") ? anchor.slice(0, anchor.lastIndexOf("/")) : "";
    while (dir !== "") {
      const here = byDir.get(dir);
      if (here) {
        for (const m of here.sort()) if (!picked.includes(m)) picked.push(m);
        break;
      }
      dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
    }
  }
  return picked;
}
