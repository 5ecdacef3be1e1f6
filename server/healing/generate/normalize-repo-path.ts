// A path the model names must be a plain repository-relative path: no absolute or home paths, no `..`,
// nothing inside `.git`. `./` and repeated slashes are tidied; anything else odd is refused, not guessed.
export type NormalizedPath = { ok: true; path: string } | { ok: false; kind: "path-outside-repo" | "invalid-output"; reason: string };

export function normalizeRepoPath(raw: string): NormalizedPath {
  const shown = JSON.stringify(raw.length > 200 ? `${raw.slice(0, 200)}…` : raw);
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, kind: "invalid-output", reason: `path ${shown} contains control characters` };
  if (raw.includes("\\")) return { ok: false, kind: "invalid-output", reason: `path ${shown} uses backslashes; repository paths use /` };
  if (/^(?:\/|~|[A-Za-z]:)/.test(raw) || /^[a-z][\w+.-]*:\/\//i.test(raw)) {
    return { ok: false, kind: "path-outside-repo", reason: `path ${shown} is absolute: only repository-relative paths can be changed` };
  }
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return { ok: false, kind: "path-outside-repo", reason: `path ${shown} climbs out with "..": only paths inside the repository can be changed` };
  if (segments.some((s) => s.toLowerCase() === ".git")) return { ok: false, kind: "path-outside-repo", reason: `path ${shown} is inside .git, which is not part of the repository's files` };
  if (segments.length === 0) return { ok: false, kind: "invalid-output", reason: `path ${shown} names no file` };
  return { ok: true, path: segments.join("/") };
}
