// Which files are dependency manifests, and their parser.
import type { Dependency } from "./dependency";
import { parseGradle, parsePom } from "./parse-maven";
import { parseGoMod, parsePackageJson, parsePackageLock, parsePoetryLock, parseRequirements } from "./parse-node-python-go";

const PARSERS: [RegExp, (file: string, text: string) => Dependency[]][] = [
  [/(^|\/)pom\.xml$/, parsePom],
  [/(^|\/)build\.gradle(\.kts)?$/, parseGradle],
  [/(^|\/)package\.json$/, parsePackageJson],
  [/(^|\/)(package-lock|npm-shrinkwrap)\.json$/, parsePackageLock],
  [/(^|\/)requirements[\w.-]*\.txt$/, parseRequirements],
  [/(^|\/)poetry\.lock$/, parsePoetryLock],
  [/(^|\/)go\.mod$/, parseGoMod],
];

export function isManifest(path: string): boolean {
  return PARSERS.some(([re]) => re.test(path));
}

/** Throws InvalidManifest when the file cannot be read as its kind. */
export function parseManifest(path: string, text: string): Dependency[] {
  const parser = PARSERS.find(([re]) => re.test(path));
  return parser ? parser[1](path, text) : [];
}
