// A pinned dependency read from a manifest or lockfile, in OSV's ecosystem names.
export type Ecosystem = "Maven" | "npm" | "PyPI" | "Go";

export interface Dependency {
  ecosystem: Ecosystem;
  /** Maven: group:artifact; npm/PyPI/Go: the package or module name. */
  name: string;
  version: string;
  file: string;
  line: number | null;
}

/** The manifest is not what its name says (bad XML/JSON/TOML): the file is skipped with this reason. */
export class InvalidManifest extends Error {}

export function lineOf(text: string, needle: string, from = 0): number | null {
  const at = text.indexOf(needle, from);
  return at < 0 ? null : text.slice(0, at).split("\n").length;
}
